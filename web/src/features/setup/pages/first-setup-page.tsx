import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Popconfirm, Result, Select, Space, Spin, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth-context';
import { Forbidden } from '../../../app/guards';
import { ApiError, errorMessage } from '../../../api/errors';
import type { NationalProvince, SetupResult } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { useSetupProvinces, useSetupStatus, useSetUpProvince } from '../hooks/use-setup';

/** "126 (51 phường, 75 xã)", with the special zones when there are any. */
function communeCount(p: NationalProvince) {
  const xa = p.communes - p.wards - p.specialZones;
  const parts = [`${formatNumber(p.wards)} phường`, `${formatNumber(xa)} xã`, ...(p.specialZones ? [`${formatNumber(p.specialZones)} đặc khu`] : [])];
  return `${formatNumber(p.communes)} (${parts.join(', ')})`;
}

/** A link inside a sentence is underlined: colour alone does not set it apart (WCAG 1.4.1). */
const INLINE_LINK = { textDecoration: 'underline' } as const;

/** What comes after the setup, in order, each with where it is done. */
function NextSteps() {
  return (
    <Card title="Các bước tiếp theo" size="small" style={{ maxWidth: 720 }}>
      <ol style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.8 }}>
        <li>
          <Link to="/users" style={INLINE_LINK}>
            Tạo tài khoản
          </Link>{' '}
          cho Sở Nội vụ, Ủy ban nhân dân (người có thẩm quyền quyết định) và các đơn vị.
        </li>
        <li>
          Sở Nội vụ nhập cơ cấu tổ chức các sở, ban, ngành và đơn vị sự nghiệp (
          <Link to="/org" style={INLINE_LINK}>
            Tổ chức bộ máy
          </Link>
          ), rồi danh sách cán bộ, công chức, viên chức từ Excel.
        </li>
        <li>Sở Nội vụ nhập kế hoạch tăng cường cán bộ về cơ sở của tỉnh, thành phố (số, ngày, văn bản và các tham số).</li>
      </ol>
    </Card>
  );
}

/** The summary once the setup is made (or found made). */
function Done({ result, name, committee }: { result: SetupResult | null; name: string; committee: string }) {
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="setup-done">
      <Result
        status="success"
        title={`Đã thiết lập hệ thống cho ${name}`}
        subTitle={
          result
            ? `Đã tạo ${committee} và ${formatNumber(result.communes)} xã, phường, đặc khu, cùng ${formatNumber(result.legacyCommunes)} xã, phường cũ (trước 01/07/2025) đã hợp thành.`
            : `${committee}. Mỗi bản cài đặt phục vụ một tỉnh, thành phố.`
        }
        extra={
          <Button type="primary" onClick={() => navigate('/org')}>
            Xem cơ cấu tổ chức
          </Button>
        }
        style={{ paddingBlock: 16 }}
      />
      <NextSteps />
    </Space>
  );
}

/**
 * First setup of an empty database (the system administrator, once): choose the province this deployment serves
 * from the national list, see what will be created, confirm. The server refuses a second setup.
 */
export default function FirstSetupPage() {
  const { may } = useAuth();
  const allowed = may('setUpProvince');
  const status = useSetupStatus();
  const provinces = useSetupProvinces(allowed && status.data?.setUp === false);
  const setUp = useSetUpProvince();
  const [code, setCode] = useState<string | undefined>();
  const [result, setResult] = useState<SetupResult | null>(null);
  const chosen = useMemo(() => provinces.data?.items.find((p) => p.code === code), [provinces.data, code]);

  if (!allowed) return <Forbidden />;
  if (status.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const done = result?.province ?? status.data?.province;
  if (done) return <Done result={result} name={done.name} committee={done.peoplesCommitteeName} />;

  const submit = async () => {
    if (!code) return;
    try {
      setResult(await setUp.mutateAsync(code));
    } catch {
      /* shown below */
    }
  };
  const err = setUp.error;
  const issues = err instanceof ApiError ? err.issues : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 28 }}>
        Thiết lập lần đầu
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        Mỗi bản cài đặt phục vụ một tỉnh, thành phố. Chọn tỉnh, thành phố mà hệ thống phục vụ: hệ thống tạo Ủy ban nhân dân và các xã, phường, đặc khu theo danh mục
        từ 01/07/2025, cùng các xã, phường cũ đã hợp thành mỗi đơn vị (dùng khi xét quê quán và người không phải người địa phương). Việc thiết lập chỉ làm một lần.
      </Typography.Paragraph>
      <Card>
        <Form layout="vertical" requiredMark={false}>
          <Form.Item label="Tỉnh, thành phố" htmlFor="setup-province" style={{ marginBottom: chosen ? 16 : 0 }}>
            <Select
              id="setup-province"
              showSearch={accentInsensitiveSearch}
              placeholder="Gõ tên để tìm, ví dụ: ha noi"
              loading={provinces.isLoading}
              value={code}
              onChange={(v: string) => {
                setCode(v);
                setUp.reset();
              }}
              options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
              style={{ width: '100%' }}
              data-testid="setup-province"
            />
          </Form.Item>
          {provinces.isError && <Alert type="error" showIcon title={errorMessage(provinces.error)} style={{ marginTop: 16 }} />}
          {chosen && (
            <>
              <Descriptions
                title="Sẽ được tạo"
                bordered
                size="small"
                column={1}
                data-testid="setup-preview"
                items={[
                  { key: 'code', label: 'Mã tỉnh, thành phố', children: chosen.code },
                  { key: 'committee', label: 'Cơ quan ban hành văn bản, gốc của cơ cấu tổ chức', children: chosen.peoplesCommitteeName },
                  { key: 'communes', label: 'Xã, phường, đặc khu', children: communeCount(chosen) },
                  {
                    key: 'from',
                    label: 'Hợp nhất từ các tỉnh, thành phố trước 01/07/2025',
                    children: chosen.formedFrom.length > 1 ? chosen.formedFrom.join(', ') : 'Không hợp nhất (giữ nguyên địa giới tỉnh, thành phố)',
                  },
                ]}
              />
              {err && (
                <Alert
                  type="error"
                  showIcon
                  title={issues.length ? issues.map((i) => i.message).join('; ') : errorMessage(err)}
                  style={{ marginTop: 16 }}
                  data-testid="setup-error"
                />
              )}
              <Popconfirm
                title={`Thiết lập hệ thống cho ${chosen.name}?`}
                description="Không thay đổi được tỉnh, thành phố sau khi thiết lập."
                okText="Thiết lập"
                cancelText="Hủy"
                onConfirm={submit}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={setUp.isPending} style={{ marginTop: 16 }}>
                  Thiết lập cho {chosen.name}
                </Button>
              </Popconfirm>
            </>
          )}
        </Form>
      </Card>
    </Space>
  );
}
