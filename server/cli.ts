import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { grantAppRole, roleOfUrl } from './db/app-role.js';
import { startEmbedded, type EmbeddedServer } from './db/embedded.js';
import { buildOpenApiDocument } from './cli/openapi.js';
import { safeError } from './logger.js';

const HELP = `Tăng cường — công cụ quản trị

Cách dùng: npm run cli -- <lệnh> [tùy chọn]

  migrate                          áp dụng các migration
  setup --province MÃ               thiết lập lần đầu: tỉnh, thành phố (mã 01…96), UBND và các xã, phường của tỉnh
                                   (một lần; hoặc quản trị viên dùng màn hình "Thiết lập lần đầu")
  provinces                        danh sách 34 tỉnh, thành phố và mã
  demo [--people N] [--seed S] [--province MÃ]  nạp dữ liệu mẫu của một tỉnh, thành phố (mặc định DEMO_PROVINCE, 92) khi cơ sở dữ liệu còn trống, và tài khoản dùng thử
  create-user --username U --name "Họ tên" --role R [--unit MÃ_ĐƠN_VỊ] [--person MÃ_CÁN_BỘ]
                                   tạo tài khoản (mật khẩu đọc từ biến môi trường NEW_PASSWORD hoặc nhập từ stdin);
                                   --unit chỉ cần cho vai trò của đơn vị (unit_manager, unit_hr, host)
  verify-audit                     kiểm tra chuỗi băm của nhật ký (báo dòng đầu tiên bị sửa) và các điểm kiểm tra đã ký
                                   lưu ngoài cơ sở dữ liệu (phát hiện các dòng cuối bị xóa)
  backup --out FILE.sql            sao lưu toàn bộ dữ liệu thành tệp SQL thuần (khôi phục được bằng psql)
  restore --in FILE.sql            khôi phục từ tệp sao lưu vào cơ sở dữ liệu trống (sau migrate)
  openapi                          in tài liệu OpenAPI (JSON)

Cơ sở dữ liệu: DATABASE_URL nếu có, nếu không thì PostgreSQL nhúng trong DATA_DIR (mặc định ./data).`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    // beside a running server, use its database and leave it running; never adopt (and stop) one it did not start
    embedded = await startEmbedded(config.dataDir, { adoptOrphan: false });
    url = embedded.url;
  }
  const database = openDatabase(url, 4);
  try {
    await runMigrations(database);
    // the requests' role gets the grants of the tables the migrations may have added (README: APP_DATABASE_URL)
    if (config.appDatabaseUrl) await grantAppRole(database.pool, roleOfUrl(config.appDatabaseUrl));
    return await fn(database);
  } finally {
    await database.close();
    if (embedded) await embedded.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      people: { type: 'string' },
      province: { type: 'string' },
      seed: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      person: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
    },
    allowPositionals: true,
  });
  switch (command) {
    case 'openapi':
      process.stdout.write(JSON.stringify(buildOpenApiDocument(), null, 2) + '\n');
      return 0;
    case 'migrate':
      await withDatabase(async () => console.log('Đã áp dụng migration.'));
      return 0;
    case 'provinces': {
      const { listNationalProvinces } = await import('./domain/province/set-up-province.js');
      for (const p of listNationalProvinces()) console.log(`${p.code}  ${p.name} (${p.communes} xã, phường)`);
      return 0;
    }
    case 'setup': {
      if (!values.province) throw new Error('Thiếu --province (mã tỉnh, thành phố; xem lệnh provinces)');
      const { runSetup } = await import('./cli/setup.js');
      return withDatabase((db) => runSetup(db, values.province!));
    }
    case 'demo': {
      const { ensureDemoData } = await import('./db/seed/demo-setup.js');
      const people = Number(values.people ?? 12000);
      if (!Number.isInteger(people) || people < 100) throw new Error('--people phải là số nguyên ≥ 100');
      await withDatabase(async (db) => {
        const r = await ensureDemoData(db, { people, seed: Number(values.seed ?? 131), province: values.province ?? loadConfig().demoProvince, log: console.log });
        console.log(r.created ? `Đã nạp dữ liệu mẫu (${people} cán bộ).` : 'Cơ sở dữ liệu đã có dữ liệu; không nạp lại.');
      });
      return 0;
    }
    case 'create-user': {
      const { runCreateUser } = await import('./cli/create-user.js');
      return withDatabase((db) => runCreateUser(db, values));
    }
    case 'verify-audit': {
      const { verifyAuditChain } = await import('./domain/audit/verify-audit-chain.js');
      const { checkpointPlace, verifyCheckpoints, writeCheckpoint } = await import('./domain/audit/checkpoints.js');
      return withDatabase(async (db) => {
        const v = await verifyAuditChain(db.pool);
        if (!v.ok) {
          console.error(`Nhật ký bị sửa: dòng đầu tiên hỏng là id=${v.firstBrokenId} (${v.reason}).`);
          return 3;
        }
        // the chain cannot show rows deleted from its end: the signed checkpoints kept outside the database can
        const place = checkpointPlace(loadConfig().dataDir);
        const c = await verifyCheckpoints(db.pool, place);
        if (!c.ok) {
          console.error(`Nhật ký bị cắt: ${c.reason} (tệp điểm kiểm tra ${place.file}).`);
          return 3;
        }
        await writeCheckpoint(db.pool, place);
        console.log(`Nhật ký toàn vẹn: ${v.rows} dòng, chuỗi băm khớp; ${c.checkpoints} điểm kiểm tra đã ký khớp với cơ sở dữ liệu.`);
        return 0;
      });
    }
    case 'backup': {
      if (!values.out) throw new Error('Thiếu --out');
      const { backupDatabase } = await import('./cli/backup.js');
      return withDatabase(async (db) => {
        const n = await backupDatabase(db.pool, fs.createWriteStream(values.out!));
        console.log(`Đã sao lưu ${n.tables} bảng, ${n.rows} dòng vào ${values.out}.`);
        return 0;
      });
    }
    case 'restore': {
      if (!values.in) throw new Error('Thiếu --in');
      const { restoreDatabase } = await import('./cli/backup.js');
      return withDatabase(async (db) => {
        const n = await restoreDatabase(db.pool, fs.createReadStream(values.in!));
        console.log(`Đã khôi phục ${n.tables} bảng, ${n.rows} dòng.`);
        return 0;
      });
    }
    default:
      console.log(HELP);
      return command && command !== 'help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // never the failed statement's parameters: they can hold personal data
    console.error('Lỗi:', safeError(err).message);
    process.exit(1);
  },
);
