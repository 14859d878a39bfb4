/** Fact `template`: assets and inline code of an HTML template (collected by src/collect/template.ts). */
import type { EnvName } from '../contracts/types.js';

export interface TemplateAsset {
  /** The URL as written. */
  url: string;
  /** Lower-case host (`cdn.jsdelivr.net`). */
  host: string;
  /** `https`, `http`, or `//` for scheme-relative URLs. */
  scheme: 'https' | 'http' | '//';
  tag: 'script' | 'link';
  /** Has an `integrity` attribute (Subresource Integrity). */
  integrity: boolean;
  line: number;
  column: number;
}

export interface InlineCode {
  /** `<script>` body, `<style>` body, or an `on…=` event-handler attribute. */
  kind: 'script' | 'style' | 'handler';
  /** Carries a `nonce` attribute (CSP nonces). */
  hasNonce: boolean;
  /** The handler attribute name (`onclick`). */
  attribute?: string;
  line: number;
  column: number;
}

export interface TemplateFact {
  file: string;
  environment: EnvName;
  /** External scripts (`<script src="https://…">`). */
  scripts: TemplateAsset[];
  /** External stylesheets (`<link rel="stylesheet" href="https://…">`). */
  styles: TemplateAsset[];
  inline: InlineCode[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    template: TemplateFact;
  }
}
