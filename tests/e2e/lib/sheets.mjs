// Spreadsheet files for the staff list tests, made here with Node's own zlib and TextDecoder (no
// dependency): .xlsx workbooks as Excel writes them (shared strings, numbers, date serials), GBK
// text as Excel's CSV on Chinese Windows, and the reading back of a workbook the page exports.

import { deflateRawSync, inflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of `files` ([name, Buffer|string]), deflated. */
export function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of files) {
    // An entry is text, bytes, or already packed ({ packed, crc, size }: a part too big to hold).
    const ready = content?.packed !== undefined;
    const data = ready ? null : Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = ready ? content.packed : deflateRawSync(data);
    const size = ready ? content.size : data.length;
    const crc = ready ? content.crc : crc32(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (isCentral) => {
      const b = Buffer.alloc(isCentral ? 46 : 30);
      let at = 0;
      b.writeUInt32LE(isCentral ? 0x02014b50 : 0x04034b50, at); at += 4;
      if (isCentral) { b.writeUInt16LE(20, at); at += 2; }
      b.writeUInt16LE(20, at); at += 2;
      b.writeUInt16LE(0x0800, at); at += 2;
      b.writeUInt16LE(8, at); at += 2;
      b.writeUInt32LE(0x00210000, at); at += 4; // time 0, date 1980-01-01
      b.writeUInt32LE(crc, at); at += 4;
      b.writeUInt32LE(packed.length, at); at += 4;
      b.writeUInt32LE(size, at); at += 4;
      b.writeUInt16LE(nameBytes.length, at); at += 2;
      b.writeUInt16LE(0, at); at += 2;
      if (isCentral) { at += 10; b.writeUInt32LE(offset, at); }
      return Buffer.concat([b, nameBytes]);
    };
    const local = header(false);
    central.push(header(true));
    parts.push(local, packed);
    offset += local.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** The entries of a zip archive: { name: Buffer }. */
export function unzip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLen = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    out[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const xmlEscape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i) => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * A workbook as Excel saves it: text in sharedStrings.xml, numbers as numbers (a cell given as
 * { n: 45474 } is a number, e.g. a date serial), the sheet found through workbook.xml's relationship.
 */
export function xlsx(rows) {
  const strings = [];
  const index = new Map();
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === '' || v === undefined || v === null) return '';
          const ref = `${col(c)}${r + 1}`;
          if (typeof v === 'object') return `<c r="${ref}" s="1"><v>${v.n}</v></c>`;
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          if (!index.has(v)) { index.set(v, strings.length); strings.push(v); }
          return `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="花名册" sheetId="1" r:id="rId3"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${xmlEscape(s)}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The first sheet of a workbook as rows of text (shared or inline strings and values). */
export function readXlsx(buffer) {
  const files = unzip(buffer);
  const shared = [];
  if (files['xl/sharedStrings.xml']) {
    for (const [, si] of files['xl/sharedStrings.xml'].toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      shared.push([...si.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join(''));
    }
  }
  const sheet = files['xl/worksheets/sheet1.xml'].toString('utf8');
  const rows = [];
  for (const [, inner] of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const row = [];
    for (const [, attrs, body] of inner.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /r="([A-Z]+)\d+"/.exec(attrs)[1];
      const c = [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const type = /t="(\w+)"/.exec(attrs)?.[1];
      let text = '';
      if (type === 'inlineStr') text = [...(body || '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
      else if (type === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(body)[1])];
      else text = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body || '')?.[1] || '');
      row[c] = text;
    }
    rows.push(Array.from(row, (v) => v ?? ''));
  }
  return rows;
}

let gbkTable;
/** Text encoded as GBK, from the reverse of Node's own GBK decoder. */
export function gbk(text) {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.of(a, b));
          if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
        } catch {
          // not a GBK character
        }
      }
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (gbkTable.has(ch)) out.push(...gbkTable.get(ch));
    else throw new Error(`not in GBK: ${ch}`);
  }
  return Buffer.from(out);
}

/** A date serial as Excel stores it (days since 1899-12-30). */
export function excelSerial(iso) {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86400000);
}
