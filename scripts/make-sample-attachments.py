#!/usr/bin/env python3
"""Writes the sample site's PDF attachments: the application form of the 依申请公开 page
(content/pages/政府信息公开申请表.pdf) and the list attached to the 一网通办 policy
(content/policies/2024/附件1.pdf).

Small valid PDF 1.4 files made by hand (no dependency, no download): one A4 page, a table,
in the reader's own Song font (STSong-Light, Adobe-GB1, which every PDF reader provides).
Run it again to regenerate them.
"""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent

def text(x, y, size, words):
    hexed = words.encode("utf-16-be").hex().upper()
    return f"BT /F1 {size} Tf {x} {y} Td <{hexed}> Tj ET"

FORM_ROWS = [
    ("申请人信息", "公民：姓名、证件名称及号码、联系电话、通信地址、邮政编码"),
    ("", "法人或者其他组织：名称、统一社会信用代码、法定代表人、联系人及电话"),
    ("所需信息情况", "所需政府信息的名称、文号或者便于查询的其他特征性描述"),
    ("", "所需信息的用途（选填）"),
    ("获取方式", "□ 纸质文本  □ 电子邮件  □ 光盘  □ 当面领取  □ 邮寄"),
    ("申请人签名（盖章）", "申请日期：      年    月    日"),
]
LIST_ROWS = [
    ("事项类别", "行政许可、公共服务、行政确认"),
    ("全程网办事项", "区级政务服务事项386项，其中全程网办351项"),
    ("办理渠道", "广西数字政务一体化平台明湖区分厅、“桂通办”移动端"),
    ("线下兜底", "区政务服务中心综合受理窗口、各镇（街道）便民服务中心"),
]

def write_pdf(target, title, title_x, rows, footer):
    ops = [text(title_x, 790, 18, title), "0.8 w"]
    top, height, left, split, right = 760, 60, 50, 180, 545
    for index, (label, content) in enumerate(rows):
        y = top - (index + 1) * height
        ops.append(f"{left} {y} {right - left} {height} re S")
        ops.append(f"{split} {y} m {split} {y + height} l S")
        if label:
            ops.append(text(left + 8, y + height / 2 - 5, 11, label))
        ops.append(text(split + 8, y + height / 2 - 5, 10, content))
    ops.append(text(left, top - len(rows) * height - 30, 10, footer))
    stream = "\n".join(ops).encode("ascii")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    target.write_bytes(bytes(out))
    print(f"wrote {target.relative_to(root)} ({len(out)} bytes)")


write_pdf(root / "content/pages/政府信息公开申请表.pdf", "明湖区人民政府政府信息公开申请表", 160, FORM_ROWS,
          "受理机构：明湖区人民政府办公室  地址：明湖区明湖大道88号  电话：0771-5551234")
write_pdf(root / "content/policies/2024/附件1.pdf", "明湖区政务服务事项全程网办清单（2024年版）", 120, LIST_ROWS,
          "制表单位：明湖区人民政府办公室政务服务科")
