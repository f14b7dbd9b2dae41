#!/usr/bin/env python3
"""Writes the benchmark's CSV and XLSX (Python stdlib): generate.py OUTDIR ROWS"""
import datetime, random, sys, zipfile

out, rows = sys.argv[1], int(sys.argv[2])
random.seed(7)
names = ["John Mugisha", "Aline Uwase", "Eric Habimana", "Grace Mukamana", "Jean-Luc Ndayisenga", "Zoë Keza", "René Müller"]
notes = ["Paid in full", "Partial, rest Friday", 'Said "next week"', "Deposit, 2 months", ""]
header = ["Date", "Tenant", "Unit", "Amount", "Phone", "Note"]
base = datetime.date(2024, 1, 1)
data = []
for i in range(rows - 1):
    d = base + datetime.timedelta(days=i % 900)
    data.append([d, random.choice(names), f"{1 + i % 9}{'ABCDEF'[i % 6]}", 100_000 + (i * 37) % 400_000,
                 f"+250 788 {i % 1000:03d} {(i * 7) % 1000:03d}", random.choice(notes)])

def q(s):
    s = str(s)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
with open(f"{out}/bench.csv", "w", newline="") as f:
    f.write(",".join(header) + "\r\n")
    for r in data:
        f.write(",".join(q(x) for x in [r[0].isoformat()] + r[1:]) + "\r\n")

strings = header + names + notes
index = {s: i for i, s in enumerate(strings)}
def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
cols = "ABCDEF"
parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
parts.append('<row r="1">' + "".join(f'<c r="{cols[k]}1" t="s"><v>{index[h]}</v></c>' for k, h in enumerate(header)) + "</row>")
for n, r in enumerate(data, start=2):
    serial = (r[0] - datetime.date(1899, 12, 30)).days
    parts.append(f'<row r="{n}"><c r="A{n}" s="1"><v>{serial}</v></c><c r="B{n}" t="s"><v>{index[r[1]]}</v></c>'
                 f'<c r="C{n}" t="inlineStr"><is><t>{r[2]}</t></is></c><c r="D{n}"><v>{r[3]}</v></c>'
                 f'<c r="E{n}" t="inlineStr"><is><t>{r[4]}</t></is></c><c r="F{n}" t="s"><v>{index[r[5]]}</v></c></row>')
parts.append("</sheetData></worksheet>")
sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
       + "".join(f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in strings) + "</sst>")
with zipfile.ZipFile(f"{out}/bench.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Payments" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/styles.xml", '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr("xl/sharedStrings.xml", sst)
    z.writestr("xl/worksheets/sheet1.xml", "".join(parts))
