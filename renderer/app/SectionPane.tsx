import { Suspense, lazy, type ComponentType } from 'react';
import type { InputsViewProps } from '../inputs-contract';
import type { OutlineItem } from './outline-model';
import type { SessionPort } from './session-port';

// The officer's text sections (the forms beside their preview), if present in this build (renderer/inputs/InputsView.tsx).
const inputsModules = import.meta.glob<{ InputsView?: ComponentType<InputsViewProps>; default?: ComponentType<InputsViewProps> }>(
  '../inputs/InputsView.tsx',
);
const loader = Object.values(inputsModules)[0];
const InputsView: ComponentType<InputsViewProps> | null = loader
  ? lazy(async () => {
      const m = await loader();
      return { default: m.InputsView ?? m.default ?? Missing };
    })
  : null;

/** Loads the text sections' code in the background after startup, so opening a section is instant. */
export function preloadInputsView(): void {
  void loader?.();
}

function Missing(_props: InputsViewProps) {
  return <p className="bd-muted">文字部分的编辑器尚未提供。</p>;
}

export interface SectionPaneProps {
  session: SessionPort;
  item: OutlineItem;
  version: number;
}

/** A text section of the outline (概况, 情况说明 …): rendered by renderer/inputs when it exists. */
export function SectionPane({ session, item, version }: SectionPaneProps) {
  return (
    <section className="bd-section-pane" aria-label={item.title} data-version={version}>
      <h1 className="bd-section-title">{item.title}</h1>
      {InputsView ? (
        <Suspense fallback={<p className="bd-muted">正在加载…</p>}>
          <InputsView session={session} sectionId={item.id} />
        </Suspense>
      ) : (
        <p className="bd-muted">这一部分的文字由“说明”编辑器填写（尚未包含在此版本中）。表格数字变化后，说明中的数字会自动重新生成。</p>
      )}
    </section>
  );
}
