#!/usr/bin/env python3
"""Writes the CSV, XLSX and bad-input fixtures (Python stdlib only): python3 make_fixtures.py
The XLSX parts are hand-written SpreadsheetML, as Excel/LibreOffice write them."""
import datetime, struct, zipfile, zlib

def serial(d):  # Excel 1900 date system
    return (d - datetime.date(1899, 12, 30)).days

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Payments" sheetId="1" r:id="rId1"/><sheet name="Lease &amp; Unit" sheetId="2" r:id="rId2"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
# cellXfs: 0 General, 1 built-in date (14), 2 custom "dd/mm/yyyy hh:mm" (164), 3 currency (custom 165, not a date)
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;RWF&quot;\\ #,##0;[Red]\\-&quot;RWF&quot;\\ #,##0"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"""
SHARED = ["Date", "Tenant", "Amount", "Note", "John Mugisha", "Aline Uwase", "Tenant", "Rent", "Unit", "Start date"]
def shared_strings():
    items = "".join(f"<si><t>{s}</t></si>" for s in SHARED)
    # A rich-text string (two runs, with a phonetic run that is not text) and an entity.
    items += '<si><r><rPr><b/></rPr><t>Paid </t></r><r><t xml:space="preserve">in full &amp; on time</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(SHARED)+1}" uniqueCount="{len(SHARED)+1}">{items}</sst>'
S = {s: i for i, s in reversed(list(enumerate(SHARED)))}
RICH = len(SHARED)
def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(rows) + "</sheetData></worksheet>")
d1, d2 = serial(datetime.date(2026, 3, 1)), serial(datetime.date(2026, 4, 1))
SHEET1 = sheet([
    f'<row r="1"><c r="A1" t="s"><v>{S["Date"]}</v></c><c r="B1" t="s"><v>{S["Tenant"]}</v></c><c r="C1" t="s"><v>{S["Amount"]}</v></c><c r="D1" t="s"><v>{S["Note"]}</v></c></row>',
    f'<row r="2"><c r="A2" s="1"><v>{d1}</v></c><c r="B2" t="s"><v>{S["John Mugisha"]}</v></c><c r="C2" s="3"><v>350000</v></c><c r="D2" t="s"><v>{RICH}</v></c></row>',
    f'<row r="3"><c r="A3" s="2"><v>{d2}.5</v></c><c r="B3" t="inlineStr"><is><t>Aline &lt;Uwase&gt; &#x263A;</t></is></c><c r="C3"><v>175000.5</v></c><c r="D3" t="b"><v>1</v></c></row>',
    # Column gap: B and C missing; a formula string and an error.
    f'<row r="5"><c r="A5" s="1"><v>{d2}</v></c><c r="D5" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="E5" t="e"><v>#DIV/0!</v></c></row>',
])
SHEET2 = sheet([
    f'<row r="1"><c r="A1" t="s"><v>{S["Tenant"]}</v></c><c r="B1" t="s"><v>{S["John Mugisha"]}</v></c></row>',
    f'<row r="2"><c r="A2" t="s"><v>{S["Rent"]}</v></c><c r="B2" t="inlineStr"><is><t>RWF 350,000</t></is></c></row>',
    f'<row r="3"><c r="A3" t="s"><v>{S["Unit"]}</v></c><c r="B3" t="inlineStr"><is><t>4B</t></is></c></row>',
    f'<row r="4"><c r="A4" t="s"><v>{S["Start date"]}</v></c><c r="B4" s="1"><v>{d1}</v></c></row>',
])

def write_xlsx(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)

PARTS = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
         ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/styles.xml", STYLES), ("xl/sharedStrings.xml", shared_strings()),
         ("xl/worksheets/sheet1.xml", SHEET1), ("xl/worksheets/sheet2.xml", SHEET2)]
write_xlsx("lease.xlsx", PARTS)

# Truncated: the first 60 % of the workbook (no central directory).
data = open("lease.xlsx", "rb").read()
open("truncated.xlsx", "wb").write(data[: len(data) * 6 // 10])

# A DOCX-like archive: a ZIP, but no workbook.
write_xlsx("letter.docx", [("[Content_Types].xml", CONTENT_TYPES.replace("spreadsheetml", "wordprocessingml")),
                           ("_rels/.rels", ROOT_RELS.replace("xl/workbook.xml", "word/document.xml")),
                           ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>')])

def raw_entry(name, compressed, crc, size, declared):
    """A local header + data and its central directory record (sizes as declared)."""
    n = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(compressed), declared, len(n), 0) + n + compressed
    central = lambda offset: struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(compressed), declared,
                                         len(n), 0, 0, 0, 0, 0, offset) + n
    return local, central

def zip_with(path, entries):
    out, centrals = b"", []
    for local, central in entries:
        centrals.append(central(len(out)))
        out += local
    cd = b"".join(centrals)
    out += cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), len(out), 0)
    open(path, "wb").write(out)

def deflated(name, text):
    raw = text.encode()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(raw) + c.flush()
    return raw_entry(name, comp, zlib.crc32(raw), len(raw), len(raw))

def bomb(name, size, declared):
    """`size` zero bytes deflated in 1 MB chunks (never held whole): about 1 KB per MB."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk, comp, crc = bytes(1 << 20), [], 0
    for _ in range(size >> 20):
        comp.append(c.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    comp.append(c.flush())
    return raw_entry(name, b"".join(comp), crc, size, declared)

small = [deflated(n, t) for n, t in PARTS if n != "xl/worksheets/sheet1.xml" and n != "xl/worksheets/sheet2.xml"]
sheet2 = deflated("xl/worksheets/sheet2.xml", SHEET2)
GB = 1 << 30
# Zip bomb: sheet1.xml is 1 GB of zeros, declared honestly.
zip_with("bomb.xlsx", small + [bomb("xl/worksheets/sheet1.xml", GB, GB), sheet2])
# The same bomb whose header lies (declares 4 KB).
zip_with("bomb-lying.xlsx", small + [bomb("xl/worksheets/sheet1.xml", GB, 4096), sheet2])

# CSV files.
open("payments.csv", "w", newline="").write(
    'Date,Tenant,Unit,Amount,Note\r\n'
    '2026-03-01,John Mugisha,4B,350000,"Paid, in full"\r\n'
    '2026-03-02,Aline Uwase,5C,175000,"Said ""half now""\nrest on Friday"\r\n'
    '2026-03-03,Eric Habimana,2A,420000,\r\n')
open("lease-fields.csv", "w", newline="").write("Tenant;John Mugisha\nRent;RWF 350,000\nUnit;4B\nStart date;1 March 2026\n")
open("latin1.csv", "wb").write("Locataire|Montant|Remarque\nRené Müller|350000|Caution 100 \u20ac\nZoë|120000|Payé\n".encode("cp1252"))
open("utf16.csv", "wb").write(b"\xff\xfe" + "Name\tPhone\tRent\nKéza\t0788123456\t300000\nMutoni\t0722000111\t250000\n".encode("utf-16-le"))
open("utf8-bom.csv", "wb").write(b"\xef\xbb\xbf" + "Unit,Tenant,Rent\n4B,Jean-Luc Ndayisenga,350000\n5C,Åsa Lind,200000\n".encode())
open("notes.txt", "w").write("Hello, this is a plain letter.\nIt has sentences and no table at all\nJust prose here\n")
open("corrupt.pdf", "wb").write(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>>\nthis is not a PDF body at all\n" + bytes(range(256)))
# A PDF cut short (run make_pdfs first).
open("truncated.pdf", "wb").write(open("lease.pdf", "rb").read()[:5000])
