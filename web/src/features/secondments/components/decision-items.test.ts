// @vitest-environment jsdom
// (a .ts file written without JSX: the unit project collects web/src/**/*.test.ts)
import { createElement as h, act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, type FormInstance } from 'antd';
import { DecisionItems, type DecisionItemValues } from './decision-items';
import { SHORT_REASON_REQUIRED } from './decision-rules';
import { placeIssues } from './form-issues';
import { SecondmentStatusTag } from './status-tag';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // antd's responsive grid asks the browser for media queries, which jsdom lacks
  window.matchMedia ??= (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
  // the text area sizes itself to its content through a ResizeObserver, which jsdom lacks too
  globalThis.ResizeObserver ??= class implements ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

const ROW = { id: 'a1', fullName: 'Nguyễn Văn An', code: 'CB001', sendingUnitName: 'Sở Tài chính' };
const HOSTS = [{ value: 'h1', label: 'Xã Thới Lai' }];

/** Renders the decision rows inside a form and hands the form back. */
function renderItems(durationMonths: number, minMonths = 36) {
  let form: FormInstance<{ items: DecisionItemValues[] }> | undefined;
  function Harness() {
    const [f] = Form.useForm<{ items: DecisionItemValues[] }>();
    form = f;
    return h(
      Form<{ items: DecisionItemValues[] }>,
      { form: f, initialValues: { items: [{ secondmentId: 'a1', version: 1, hostUnitId: 'h1', startDate: null, durationMonths }] } },
      h(DecisionItems, { rows: [ROW], hostOptions: HOSTS, minMonths }),
    );
  }
  render(h(Harness));
  return form!;
}

describe('decision rows: duration and the special-case reason', () => {
  it('asks no reason at the plan minimum', () => {
    renderItems(36);
    expect(screen.getByText('Nguyễn Văn An')).toBeTruthy();
    expect(screen.queryByTestId('decision-reason-0')).toBeNull();
  });

  it('requires the reason once the duration is below the minimum', async () => {
    const form = renderItems(36);
    await act(async () => {
      fireEvent.change(screen.getByTestId('decision-duration-0'), { target: { value: '24' } });
    });
    await waitFor(() => expect(screen.getByTestId('decision-reason-0')).toBeTruthy());
    screen.getByText('Lý do trường hợp đặc biệt');

    await act(async () => {
      await form.validateFields([['items', 0, 'shortDurationReason']]).catch(() => undefined);
    });
    await waitFor(() => expect(screen.getByText(SHORT_REASON_REQUIRED)).toBeTruthy());

    await act(async () => {
      fireEvent.change(screen.getByTestId('decision-reason-0'), { target: { value: 'Cán bộ được điều động theo yêu cầu của Thành ủy' } });
    });
    let values: { items: DecisionItemValues[] } | undefined;
    await act(async () => {
      values = await form.validateFields([['items', 0, 'shortDurationReason']]);
    });
    expect(values).toBeDefined();
    expect(values!.items[0].shortDurationReason).toBe('Cán bộ được điều động theo yêu cầu của Thành ủy');
  });

  it('follows the plan minimum, not a fixed 36', () => {
    renderItems(30, 24);
    expect(screen.queryByTestId('decision-reason-0')).toBeNull();
  });

  it('puts a 422 issue of a row on that row’s field and returns the others', async () => {
    const form = renderItems(36);
    let rest: ReturnType<typeof placeIssues> = [];
    await act(async () => {
      rest = placeIssues(form, [
        { path: 'items.0.durationMonths', message: 'Thời gian vượt quá mức cho phép' },
        { path: 'items', message: 'Hồ sơ không ở bước chờ quyết định' },
      ]);
    });
    expect(rest).toEqual([{ path: 'items', message: 'Hồ sơ không ở bước chờ quyết định' }]);
    expect(form.getFieldError(['items', 0, 'durationMonths'])).toEqual(['Thời gian vượt quá mức cho phép']);
    await waitFor(() => expect(screen.getByText('Thời gian vượt quá mức cho phép')).toBeTruthy());
  });
});

describe('status tag', () => {
  it('shows the Vietnamese label of the step with a stable selector', () => {
    render(h(SecondmentStatusTag, { status: 'appraised', testId: 'secondment-status' }));
    const tag = screen.getByTestId('secondment-status');
    expect(tag.textContent).toBe('Đã thẩm định, chờ quyết định');
    expect(tag.getAttribute('data-status')).toBe('appraised');
  });
});
