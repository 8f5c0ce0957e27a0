import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { notifyError } from '../../app/notify';

interface Props extends Omit<ButtonProps, 'onClick' | 'loading' | 'children'> {
  /** Fetches and saves the file (see downloadFile); an error is shown to the user. */
  download(): Promise<unknown>;
  children: ReactNode;
}

/** A button that downloads a generated file (export, report), busy while the server builds it. */
export function DownloadButton({ download, children, icon, ...rest }: Props) {
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button {...rest} icon={icon ?? <DownloadOutlined />} loading={busy} onClick={onClick}>
      {children}
    </Button>
  );
}
