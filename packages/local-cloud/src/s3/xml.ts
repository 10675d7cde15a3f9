/** The namespace of every S3 response document except errors. */
export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for an XML element. Control characters (CR included, which parsers would normalise away)
 * become numeric references, as S3 writes them, so odd keys survive a list round trip.
 */
export function escapeXml(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 && char !== '\t' && char !== '\n') escaped += `&#x${code.toString(16).toUpperCase()};`;
    else escaped += ENTITIES[char] ?? char;
  }
  return escaped;
}

/** `<name>text</name>`, text escaped. */
export function element(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>...</name>` around elements already rendered. */
export function group(name: string, children: readonly string[]): string {
  return `<${name}>${children.join('')}</${name}>`;
}

/** A complete response document in the S3 namespace. */
export function s3Document(root: string, children: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${children.join('')}</${root}>`;
}

/** Decodes the five predefined entities and numeric references: all an S3 request body uses. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
  });
}
