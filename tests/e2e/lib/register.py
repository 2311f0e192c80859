"""A district office's register as offices keep it, written by openpyxl (a writer this project did
not write), and the same people as the answers a person would type into the questionnaire.

    python3 tests/e2e/lib/register.py OUT_DIR AS_OF [ROWS]

writes OUT_DIR/register.xlsx (a visible 填表说明 sheet first, the list on the sheet 2026年台账: a
merged title row, a blank row, the office's headers, ROWS people, a 填表人 footer; real Excel dates,
day numbers in General cells and dates typed as text), OUT_DIR/register-gbk.csv (the same rows as
Excel saves them on Chinese Windows; register-utf8.csv the same in UTF-8), OUT_DIR/facts.jsonl (each person's answers as JSON, what a
person typing the same facts would answer) and OUT_DIR/register.json (headers, the formula-like
cells planted, the first data row's number).
"""

import csv
import datetime
import json
import random
import sys

from openpyxl import Workbook

OUT, AS_OF = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
ROWS = int(sys.argv[3]) if len(sys.argv) > 3 else 300
rnd = random.Random(27)

HEADERS = ["序号", "姓名", "身份证号码", "出生日期", "户籍所在区县", "人员类别", "是否监测对象",
           "就业状态", "务工地点", "外出务工开始时间", "是否已领求职创业补贴", "备注"]

DISTRICTS = [("巫溪县", "wuxi", "500238"), ("巫溪县", "wuxi", "500238"), ("巫溪县", "wuxi", "500238"),
             ("重庆市奉节县", "fengjie", "500236"), ("城口", "chengkou", "500229")]
# 人员类别, 是否监测对象 → poverty status and 低保 as a person would answer (None: not said).
CATEGORIES = [
    ("脱贫户", "否", "alleviated", None),
    ("脱贫户", "否", "alleviated", None),
    ("脱贫户", "", "alleviated", None),
    ("监测户", "是", "monitored", None),
    ("脱贫不稳定户", "是", "monitored", None),
    ("边缘易致贫户", "是", "monitored", None),
    ("突发严重困难户", "是", "monitored", None),
    ("一般农户", "否", None, None),  # with 否 for 监测对象 too: neither group
    ("低保户", "否", None, True),  # 低保 says nothing about 脱贫户
    ("一般农户", "是", "monitored", None),  # a yes in another column wins
]
ACTIVITY = [("已就业", "employee"), ("已就业", "employee"), ("已就业", "employee"), ("务工", "employee"),
            ("公益性岗位", "public-welfare-post"), ("未就业", "not-working"), ("灵活就业", "flexible")]
# 务工地点 → work place; None: the words do not decide (the page says why and leaves it unanswered).
PLACES = [("广东", "other-province"), ("湖北省利川市", "other-province"), ("山东", "shandong"),
          ("浙江宁波", "other-province"), ("县内", "own-district"), ("HOME", "own-district"),
          ("重庆市渝中区", "other-district"), ("市内", None)]
FORMULAS = ["=1+1", "@SUM(A1)", "+86 123", "-2+3", "=HYPERLINK(\"http://example.invalid\",\"x\")"]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = "德华明秀英建国芳丽军平兰红春梅强勇杰娟霞"


def id_number(area, birth, seq):
    body = f"{area}{birth:%Y%m%d}{seq:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def excel_serial(day):
    return (day - datetime.date(1899, 12, 30)).days


# Each cell as (value for the workbook, text Excel writes for it in a CSV).
people_rows, facts, formulas = [], [], []
for i in range(ROWS):
    f = {"audience": "person"}
    birth = datetime.date(1962, 1, 1) + datetime.timedelta(days=rnd.randrange(0, 365 * 45))
    district, district_id, area = rnd.choice(DISTRICTS)
    ident = id_number(area, birth, rnd.randrange(1, 999))
    f["age"] = age_on(birth, AS_OF)
    form = rnd.random()
    if form < 0.4:
        birth_cell = (datetime.datetime(birth.year, birth.month, birth.day), f"{birth.year}/{birth.month}/{birth.day}")
    elif form < 0.6:
        birth_cell = (excel_serial(birth), str(excel_serial(birth)))  # a day number in a General cell
    else:
        birth_cell = (None, "")  # the age comes from the 身份证号码
    f["hukou-district"] = district_id
    f["hukou-chongqing"] = True
    category, monitored, status, dibao = rnd.choice(CATEGORIES)
    if status:
        f["poverty-status"] = status
    elif category == "一般农户":
        f["poverty-status"] = "none"
    if dibao:
        f["dibao"] = True
    activity, activity_id = rnd.choice(ACTIVITY)
    f["activity"] = activity_id
    place_cell, since_cell = "", (None, "")
    if activity_id == "employee":
        place, place_id = rnd.choice(PLACES)
        place_cell = district if place == "HOME" else place
        if place_id:
            f["work-place"] = place_id
        y, m = rnd.choice([2023, 2024, 2025]), rnd.randrange(1, 13)
        d = rnd.randrange(1, 28)
        kind = rnd.randrange(5)
        if kind == 0:
            since_cell = (datetime.datetime(y, m, d), f"{y}/{m}/{d}")
            f["work-since"] = f"{y:04d}-{m:02d}-{d:02d}"
        elif kind == 1:
            since_cell = (f"{y}.{m:02d}" if m < 10 else f"{y}.{m}",) * 2
            f["work-since"] = f"{y:04d}-{m:02d}-01"
        elif kind == 2:
            since_cell = (f"{y}年{m}月",) * 2
            f["work-since"] = f"{y:04d}-{m:02d}-01"
        elif kind == 3:
            since_cell = (f"{y}/{m}/{d}",) * 2
            f["work-since"] = f"{y:04d}-{m:02d}-{d:02d}"
        else:
            # As written in the issue: "2025.11", "2024.10", "2023.03".
            text = rnd.choice(["2025.11", "2024.10", "2023.03"])
            since_cell = (text, text)
            yy, mm = text.split(".")
            f["work-since"] = f"{yy}-{mm}-01"
    received = ""
    if activity_id == "employee":
        received = "是" if rnd.random() < 0.2 else "否"
        f["job-search-received"] = received == "是"
    note = ""
    if i % 60 == 5:
        note = FORMULAS[(i // 60) % len(FORMULAS)]
        formulas.append({"row": i, "text": note})
    name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
    people_rows.append([
        (i + 1, str(i + 1)), (name, name), (ident, ident), birth_cell, (district, district),
        (category, category), (monitored, monitored), (activity, activity), (place_cell, place_cell),
        since_cell, (received, received), (note, note),
    ])
    facts.append(f)

TITLE = "巫溪县2026年脱贫人口就业帮扶台账"
FOOTER = "填表人：张某某        审核人：李某某        填表日期：2026年1月5日"

wb = Workbook()
notes = wb.active
notes.title = "填表说明"
notes.append(["本表按季度更新；人员类别按防返贫监测信息系统填写。"])
sheet = wb.create_sheet("2026年台账")
sheet.append([TITLE])
sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
sheet.append([])
sheet.append(HEADERS)
first_data_row = 4
for row in people_rows:
    values = [v for v, _ in row]
    sheet.append([None if v == "" else v for v in values])
    r = sheet.max_row
    for column in (4, 10):
        cell = sheet.cell(row=r, column=column)
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = "yyyy/m/d"
    # Text cells stay text (an id number, "2025.11"), as an office types them with a leading '.
    for column in (3, 10, 12):
        cell = sheet.cell(row=r, column=column)
        if isinstance(cell.value, str):
            cell.data_type = "s"
sheet.append([FOOTER])
# Column widths as an office sets them (the export keeps them).
sheet.column_dimensions["B"].width = 10
sheet.column_dimensions["C"].width = 21
wb.save(f"{OUT}/register.xlsx")

with open(f"{OUT}/register-gbk.csv", "w", encoding="gbk", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([TITLE] + [""] * (len(HEADERS) - 1))
    writer.writerow([""] * len(HEADERS))
    writer.writerow(HEADERS)
    for row in people_rows:
        writer.writerow([text for _, text in row])
    writer.writerow([FOOTER] + [""] * (len(HEADERS) - 1))

# The same in UTF-8 with a byte-order mark (for the native test, which has no GBK decoder).
with open(f"{OUT}/register-utf8.csv", "w", encoding="utf-8-sig", newline="") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([TITLE] + [""] * (len(HEADERS) - 1))
    writer.writerow([""] * len(HEADERS))
    writer.writerow(HEADERS)
    for row in people_rows:
        writer.writerow([text for _, text in row])
    writer.writerow([FOOTER] + [""] * (len(HEADERS) - 1))

with open(f"{OUT}/facts.jsonl", "w", encoding="utf-8") as out:
    for f in facts:
        out.write(json.dumps(f, ensure_ascii=False) + "\n")

with open(f"{OUT}/register.json", "w", encoding="utf-8") as out:
    json.dump({"headers": HEADERS, "formulas": formulas, "first_data_row": first_data_row,
               "rows": ROWS, "sheet": "2026年台账"}, out, ensure_ascii=False)
