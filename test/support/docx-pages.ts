import JSZip from 'jszip';

/** How a .docx numbers its pages: each section's titlePg and header references, and the text of each header part. */
export async function docxPageNumbering(body: Buffer | Uint8Array) {
  const zip = await JSZip.loadAsync(body);
  const document = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const target = (rid: string) => new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  const sections = await Promise.all(
    [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map(async ([sectPr]) => {
      const headers: Record<string, string> = {};
      for (const m of sectPr.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
        headers[m[1]] = await zip.file(`word/${target(m[2])}`)!.async('string');
      }
      return { titlePage: /<w:titlePg(?: w:val="(?:true|1)")?\/>/.test(sectPr), headers };
    }),
  );
  return sections;
}

/** The header holds a PAGE field, centred. */
export const hasCentredPageField = (xml: string | undefined) =>
  !!xml && /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(xml) && /<w:jc w:val="center"\/>/.test(xml);
