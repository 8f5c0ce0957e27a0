import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { CadreProfile, CadreUpdate } from '../../../api/types';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { useReference } from '../../../shared/hooks/use-reference';
import { useJobPosts, useUpdateCadre } from '../hooks/use-cadre-profile';
import { applyIssues, FieldInputs, formValuesOf, sameValue, toApiValue } from './field-form';
import { fieldLabel } from './field-labels';
import { personFields, personValues, SECTION_TITLES, type PersonSection } from './person-fields';

export const CONFLICT_MESSAGE = 'Hồ sơ đã được người khác cập nhật trong lúc bạn sửa. Hồ sơ mới nhất đã được tải lại, vui lòng sửa lại.';

interface Props {
  profile: CadreProfile;
  section: PersonSection;
  onClose(): void;
}

/**
 * Mounted while open. Edits the fields of one section of the record. Only the fields that changed are sent, with the version the
 * form was opened on: a save by someone else in between is refused (409) instead of being overwritten.
 */
export function PersonFieldsModal({ profile, section, onClose }: Props) {
  const { message, notification } = App.useApp();
  const [form] = Form.useForm();
  const reference = useReference();
  const update = useUpdateCadre(profile.id);
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  // the values and version the form was opened on (a refetch of the profile does not change them)
  const [version] = useState(profile.version);
  const [original] = useState(() => personValues(profile));
  const [initialValues] = useState(() => formValuesOf(personFields(section, undefined), original));

  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const jobPosts = useJobPosts(section === 'employment' ? (unitId ?? profile.employment.unitId) : null);
  const fields = personFields(section, reference.data, {
    options: (jobPosts.data ?? []).map((p) => ({ value: p.id, label: p.title })),
    loading: jobPosts.isFetching,
  });

  // a job post belongs to a unit: when the unit changes, a post of the old unit is cleared
  useEffect(() => {
    if (section !== 'employment' || !jobPosts.data) return;
    const post = form.getFieldValue('jobPostId') as string | undefined;
    if (post && !jobPosts.data.some((p) => p.id === post)) form.setFieldValue('jobPostId', undefined);
  }, [jobPosts.data, section, form]);

  const submit = async () => {
    const values = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!values) return; // the form shows what is missing
    const changes: Record<string, unknown> = {};
    for (const f of fields) {
      const v = toApiValue(f.kind, values[f.name]);
      if (!sameValue(f.kind, v, original[f.name])) changes[f.name] = v;
    }
    if (Object.keys(changes).length === 0) {
      message.info('Không có thay đổi nào để lưu.');
      onClose();
      return;
    }
    setOtherIssues([]);
    try {
      const r = await update.mutateAsync({ version, ...changes } as CadreUpdate);
      message.success(`Đã lưu: ${r.changed.map(fieldLabel).join(', ')}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        notification.warning({ title: 'Hồ sơ đã thay đổi', description: CONFLICT_MESSAGE, key: 'version-conflict' });
        onClose();
      } else if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, fields, err.issues));
        message.error(err.message);
      } else {
        notifyError(err);
      }
    }
  };

  return (
    <Modal
      open
      title={`Sửa: ${SECTION_TITLES[section]}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
      width={760}
    >
      {otherIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="Dữ liệu không hợp lệ"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {otherIssues.map((i) => (
                <li key={i.path + i.message}>
                  {fieldLabel(i.path)}: {i.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form form={form} name={`edit-${section}`} layout="vertical" initialValues={initialValues} disabled={update.isPending}>
        <FieldInputs fields={fields} />
      </Form>
    </Modal>
  );
}
