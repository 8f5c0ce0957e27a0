import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Drawer, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_STATUS_LABELS } from '../../../../../common/inspections';
import type { InspectionSummary } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { Forbidden } from '../../../app/guards';
import { formatDate } from '../../../shared/format';
import { GuidanceTab } from '../components/guidance-tab';
import { InspectionDetail } from '../components/inspection-detail';
import { InspectionFormModal } from '../components/inspection-form-modal';
import { useInspections } from '../hooks/use-inspections';

/** Sở Nội vụ's inspections: the list (the inspected unit sees its own); a row opens its recommendations. */
function InspectionsTab({ openId, setOpenId }: { openId: string | null; setOpenId(id: string | null): void }) {
  const { may } = useAuth();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useInspections(page, pageSize);
  const [recording, setRecording] = useState(false);
  const columns: ColumnsType<InspectionSummary> = [
    {
      title: 'Đơn vị được kiểm tra',
      dataIndex: 'unitName',
      render: (name: string, i) => (
        <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => setOpenId(i.id)}>
          {name}
        </Button>
      ),
    },
    { title: 'Thời gian', key: 'dates', width: 190, render: (_: unknown, i) => `${formatDate(i.fromOn)} – ${formatDate(i.toOn)}` },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 170,
      render: (s: InspectionSummary['status'], i) => (
        <>
          <Tag color={s === 'concluded' ? 'green' : 'blue'}>{INSPECTION_STATUS_LABELS[s]}</Tag>
          {i.conclusionNo && <div>{`Số ${i.conclusionNo}`}</div>}
        </>
      ),
    },
    {
      title: 'Kiến nghị',
      key: 'recs',
      width: 170,
      render: (_: unknown, i) => (
        <>
          <div>{`${i.accepted}/${i.recommendations} hoàn thành`}</div>
          {i.overdue > 0 && <Typography.Text type="danger">{`${i.overdue} quá hạn`}</Typography.Text>}
        </>
      ),
    },
  ];
  return (
    <>
      {may('recordInspections') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} style={{ marginBottom: 12 }} data-testid="add-inspection">
          Ghi nhận cuộc kiểm tra
        </Button>
      )}
      <Table<InspectionSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 600 }}
        locale={{ emptyText: 'Chưa có cuộc kiểm tra' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {recording && (
        <InspectionFormModal
          onClose={() => setRecording(false)}
          onSaved={(id) => {
            setRecording(false);
            setOpenId(id);
          }}
        />
      )}
      <Drawer open={!!openId} onClose={() => setOpenId(null)} title="Cuộc kiểm tra" size="large" styles={{ wrapper: { maxWidth: '100vw' } }} destroyOnHidden>
        {openId && <InspectionDetail id={openId} />}
      </Drawer>
    </>
  );
}

/**
 * "Kiểm tra, hướng dẫn" (Plan 131 IV.3): Sở Nội vụ's guidance documents to the units, and its inspections with the
 * recommendations the units answer. `?inspection=<id>` (the inbox's link) opens one inspection.
 */
export default function InspectionsPage() {
  const { may } = useAuth();
  const [params, setParams] = useSearchParams();
  const openId = params.get('inspection');
  const [tab, setTab] = useState(openId ? 'inspections' : 'guidance');
  const setOpenId = (id: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (id) n.set('inspection', id);
        else n.delete('inspection');
        return n;
      },
      { replace: true },
    );
  if (!may('readInspections')) return <Forbidden />;
  return (
    <Card title="Kiểm tra, hướng dẫn">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'guidance', label: 'Văn bản hướng dẫn', children: <GuidanceTab /> },
          { key: 'inspections', label: 'Kiểm tra', children: <InspectionsTab openId={openId} setOpenId={setOpenId} /> },
        ]}
      />
    </Card>
  );
}
