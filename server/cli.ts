import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { startEmbedded, type EmbeddedServer } from './db/embedded.js';
import { buildOpenApiDocument } from './cli/openapi.js';

const HELP = `Tăng cường — công cụ quản trị

Cách dùng: npm run cli -- <lệnh> [tùy chọn]

  migrate                          áp dụng các migration
  demo [--people N] [--seed S]     nạp dữ liệu mẫu (chỉ khi cơ sở dữ liệu còn trống) và tài khoản dùng thử
  create-user --username U --name "Họ tên" --role R [--unit MÃ_ĐƠN_VỊ] [--person MÃ_CÁN_BỘ]
                                   tạo tài khoản (mật khẩu đọc từ biến môi trường NEW_PASSWORD hoặc nhập từ stdin)
  verify-audit                     kiểm tra chuỗi băm của nhật ký; báo dòng đầu tiên bị sửa
  backup --out FILE.sql            sao lưu toàn bộ dữ liệu thành tệp SQL thuần (khôi phục được bằng psql)
  restore --in FILE.sql            khôi phục từ tệp sao lưu vào cơ sở dữ liệu trống (sau migrate)
  openapi                          in tài liệu OpenAPI (JSON)

Cơ sở dữ liệu: DATABASE_URL nếu có, nếu không thì PostgreSQL nhúng trong DATA_DIR (mặc định ./data).`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded(config.dataDir);
    url = embedded.url;
  }
  const database = openDatabase(url, 4);
  try {
    await runMigrations(database.db);
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
    case 'demo': {
      const { ensureDemoData } = await import('./db/seed/demo-setup.js');
      const people = Number(values.people ?? 12000);
      if (!Number.isInteger(people) || people < 100) throw new Error('--people phải là số nguyên ≥ 100');
      await withDatabase(async (db) => {
        const r = await ensureDemoData(db, { people, seed: Number(values.seed ?? 131), log: console.log });
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
      return withDatabase(async (db) => {
        const v = await verifyAuditChain(db.pool);
        if (v.ok) {
          console.log(`Nhật ký toàn vẹn: ${v.rows} dòng, chuỗi băm khớp.`);
          return 0;
        }
        console.error(`Nhật ký bị sửa: dòng đầu tiên hỏng là id=${v.firstBrokenId} (${v.reason}).`);
        return 3;
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
    console.error('Lỗi:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
