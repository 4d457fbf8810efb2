#!/usr/bin/env python3
"""Writes a benchmark site root for disclose: N records of 青溪区 (a fictional district) in
disclose's content format, the same tree for the same arguments.

    corpus.py --records N --out DIR [--seed S] [--withheld-share F] [--force]
    corpus.py --mutate K --out DIR
    corpus.py --verify --out DIR

The first writes DIR/content/site.yaml, the records under DIR/content/SECTION/YEAR/,
DIR/canaries.txt (one token per non-public record) and DIR/corpus.json (counts, seed,
bytes; compare.sh reads it). The second edits K public records of such a tree in place,
as a webmaster's correction does (one sentence of the body and `modified`), and prints
their paths: the incremental benchmark's edit. The third checks, without disclose, what the
leak check relies on: each non-public record's canary in its title, body and file name,
none in a public record, canaries.txt listing exactly them; and unique index numbers.

Every record passes `disclose check` with no error and no warning. Each record draws
from its own random stream (seed and position), so its text depends on nothing else.

Non-public records (--withheld-share, default 0.10, alternately on-request and withheld
with a reason) carry a token CANARY-<12 hex> in the title, once in the body and, in
lower case, in the file name: `grep -r -i -F -f DIR/canaries.txt SITE` finds a leak.
Their text comes from phrases no public record uses, so that no public record shares a
30-character run with one (`leak.shared_text`).

Record types are rows of TYPES (below): a new type is one RecordType entry, with its
section folder, file prefix, weight, title, type fields and body. Fixed pages are rows of
FIXED_PAGES. Python 3.9+ standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

DISTRICT = "青溪区"
SITE = {
    "title": "青溪区人民政府信息公开",
    "base_url": "https://www.qingxi.example.gov.cn/xxgk/",
    "publisher": "青溪区人民政府办公室",
    "index_number_pattern": r"^[0-9A-Z]{9,18}/\d{4}-\d{5}$",
}
FIRST_YEAR, LAST_YEAR = 2008, 2025
LAST_CREATED = dt.date(2025, 12, 10)


# ---------------------------------------------------------------------------------------
# Who publishes, about what. Every name is fictional; addresses use example.gov.cn.
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Office:
    name: str     # 发布机构 and 部门
    short: str    # as other documents name it
    seal: str     # prefix of its 文号
    area: str     # key of AREAS
    code: str     # 统一社会信用代码 shape: first half of every 索引号


OFFICE_ROWS = [
    ("青溪区人民政府", "区政府", "青政", "gov"),
    ("青溪区人民政府办公室", "区府办", "青政办", "gov"),
    ("青溪区发展和改革局", "区发改局", "青发改", "econ"),
    ("青溪区财政局", "区财政局", "青财", "fin"),
    ("青溪区教育局", "区教育局", "青教", "edu"),
    ("青溪区卫生健康局", "区卫健局", "青卫", "health"),
    ("青溪区民政局", "区民政局", "青民", "civil"),
    ("青溪区人力资源和社会保障局", "区人社局", "青人社", "work"),
    ("青溪区住房和城乡建设局", "区住建局", "青建", "build"),
    ("青溪区交通运输局", "区交通局", "青交", "traffic"),
    ("青溪区生态环境局", "区生态环境局", "青环", "eco"),
    ("青溪区市场监督管理局", "区市场监管局", "青市监", "market"),
    ("青溪区应急管理局", "区应急局", "青应急", "safety"),
    ("青溪区农业农村局", "区农业农村局", "青农", "farm"),
    ("青溪区数据资源管理局", "区数据局", "青数据", "data"),
    ("青溪区文化和旅游局", "区文旅局", "青文旅", "culture"),
    ("青溪区司法局", "区司法局", "青司", "law"),
    ("青溪区水利局", "区水利局", "青水", "water"),
    ("青溪区退役军人事务局", "区退役军人局", "青退役", "veteran"),
    ("青溪区城市管理综合执法局", "区城管执法局", "青城管", "city"),
    ("青溪区临江街道办事处", "临江街道", "青临江", "street"),
    ("青溪区梅岭街道办事处", "梅岭街道", "青梅岭", "street"),
    ("青溪区石门镇人民政府", "石门镇", "青石门", "street"),
    ("青溪区白沙镇人民政府", "白沙镇", "青白沙", "street"),
]


def _code(i: int) -> str:
    # 18 characters, digits and capitals, as index_number_pattern asks.
    return f"11330118{i + 1:02d}MB{(i * 7919 + 1301) % 100000:05d}{'ABCDEFGHJKLMNPQRTUWXY'[i % 21]}"


OFFICES = [Office(n, s, seal, a, _code(i)) for i, (n, s, seal, a) in enumerate(OFFICE_ROWS)]

# Work areas: what a document can be about, and its 主题分类.
AREAS = {
    "gov": ("综合政务", ["政务公开", "重大行政决策", "规范性文件备案审查", "政府督查督办", "营商环境优化",
                     "政务值守", "电子政务外网", "议事协调机构清理"]),
    "econ": ("发展改革", ["重大项目谋划", "民间投资", "价格调控", "能源保供", "社会信用建设",
                      "县域经济", "服务业提质", "物流枢纽建设"]),
    "fin": ("财政", ["预算绩效", "政府采购监管", "国有资产管理", "直达资金监控", "地方债务管理",
                   "会计监督", "财政票据管理"]),
    "edu": ("教育", ["义务教育优质均衡", "普惠性幼儿园", "课后延时服务", "校园食品安全", "教师交流轮岗",
                   "校外培训治理", "职业教育产教融合"]),
    "health": ("卫生健康", ["家庭医生签约", "医共体建设", "传染病防控", "基层卫生服务", "托育服务",
                        "无偿献血", "健康村镇建设"]),
    "civil": ("民政", ["低保动态管理", "临时救助", "居家养老服务", "儿童福利", "社区协商", "地名管理",
                     "社会组织登记"]),
    "work": ("劳动就业", ["就业困难人员援助", "技能人才培养", "欠薪治理", "城乡居民养老保险",
                      "创业担保贷款", "劳动关系协调"]),
    "build": ("城乡建设", ["老旧小区改造", "公租房分配", "建筑工地扬尘治理", "住宅专项维修资金",
                       "城镇燃气安全", "装配式建筑推广", "电梯加装"]),
    "traffic": ("交通运输", ["公交线网优化", "农村客运", "超限超载治理", "停车设施建设",
                         "交通安全隐患整治", "慢行系统建设"]),
    "eco": ("生态环境", ["空气质量改善", "重点河段水质提升", "土壤风险管控", "危险废物监管",
                     "噪声污染防治", "排污许可管理", "减污降碳"]),
    "market": ("市场监管", ["食品生产许可", "餐饮质量安全", "特种设备监察", "计量器具检定",
                        "广告监测", "个体工商户培育", "消费投诉处理"]),
    "safety": ("应急管理", ["安全生产专项整治", "防汛备汛", "森林火灾预防", "应急避难场所",
                        "危化品运输", "基层应急队伍"]),
    "farm": ("农业农村", ["粮食生产", "高标准农田", "农村宅基地管理", "生猪稳产保供",
                      "美丽乡村建设", "农业面源污染治理", "农民专业合作社"]),
    "data": ("数字政府", ["一网通办", "公共数据开放", "电子证照", "政务云", "数据安全管理",
                      "一件事集成服务"]),
    "culture": ("文化旅游", ["公共图书馆总分馆", "文物安全", "乡村旅游", "非遗传承", "演出市场管理",
                         "全民阅读"]),
    "law": ("司法行政", ["法治政府示范创建", "行政执法监督", "矛盾纠纷多元化解", "法律援助",
                     "合法性审查", "八五普法"]),
    "water": ("水利", ["河长制", "农村饮水安全", "小型水库安全", "水土保持", "节水型社会建设",
                     "山洪灾害防御"]),
    "veteran": ("退役军人事务", ["优抚对象帮扶", "退役军人就业", "烈士纪念设施保护", "双拥共建"]),
    "city": ("城市管理", ["垃圾分类", "市容秩序", "户外广告整治", "违法建设查处", "城市照明",
                      "环卫作业市场化"]),
    "street": ("基层治理", ["网格员队伍", "平安建设", "社区食堂", "物业纠纷调处", "村规民约修订",
                        "人居环境整治"]),
}

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏章苏潘葛范彭鲁韦马方任袁柳鲍史唐费薛雷贺倪汤殷罗毕郝安常傅齐康伍余顾孟黄"
GIVEN = "志强建华秀英海燕国平丽娟晓东红梅文静俊杰玉兰明辉春生雪梅宏伟桂芳振宇思远嘉怡子涵浩然佳琪"


# ---------------------------------------------------------------------------------------
# Phrases. {s} is the subject, {o} the office's short name, {u} a unit, {y} a year,
# {n} a count, {m} an amount, {p} a percentage, {d} a date, {w} a web address.
# PUBLIC_* are used by public records only, INTERNAL_* by non-public ones only.
# ---------------------------------------------------------------------------------------

PUBLIC_SENTENCES = [
    "各单位要把{s}摆在突出位置，主要负责同志亲自研究部署，分管负责同志具体抓落实。",
    "{o}会同有关部门建立{s}工作专班，实行周调度、月通报制度，及时协调解决推进中的困难。",
    "{y}年全区累计安排{s}资金{m}万元，带动社会投资约{m2}万元。",
    "目前全区已建成{s}示范点{n}个，覆盖率达到{p}%，群众知晓率明显提升。",
    "对群众反映集中的问题，建立问题清单、责任清单和整改清单，逐项明确办结时限。",
    "坚持试点先行、分步实施，先在{u}开展试点，总结经验后在全区推广。",
    "依法保障公众的知情权、参与权、表达权和监督权，重要事项须向社会公开征求意见。",
    "推动{s}有关数据接入区一体化数据平台，减少群众重复提交材料。",
    "各镇（街道）每月{day}日前将上月工作台账报送{o}，纸质材料同时加盖公章。",
    "对工作成效明显的单位给予通报表扬，对推进迟缓的单位进行约谈提醒。",
    "加强基层业务培训，全年举办{s}专题培训班{n2}期，参训人员{n}人次。",
    "建立第三方评估机制，委托专业机构对{s}实施效果开展年度评估，评估报告向社会公布。",
    "严格执行“三重一大”集体决策制度，涉及{s}的重大资金安排须经集体研究决定。",
    "畅通12345热线、政府网站留言板等诉求渠道，群众诉求原则上5个工作日内办结回复。",
    "落实“谁执法谁普法”责任制，结合{s}开展以案释法和进社区宣讲活动。",
    "整合现有政策和资金渠道，统筹推进{s}与乡村振兴、城市更新等工作有机衔接。",
    "相关办事指南、表格下载和政策解读可登录 {w} 查阅。",
    "对弄虚作假、套取资金的，依法追回资金，并追究相关单位和人员责任。",
    "{s}工作纳入区对部门和镇（街道）的年度综合考核，权重不低于{n2}分。",
    "截至{y}年{mo}月底，已完成年度目标任务的{p}%，总体进度符合预期。",
    "严格保密审查，政府信息在公开前须经本单位保密审查小组审核，确保不泄露国家秘密。",
    "涉及企业和群众切身利益的政策调整，须设置不少于30日的适应期。",
    "鼓励引导社会组织、志愿者和市场主体参与{s}，构建多元共治格局。",
    "建立健全应急预案，定期组织演练，提高突发情况下的快速响应和处置能力。",
    "以数字化改革为牵引，推广“掌上办”“指尖办”，实现高频事项全程网办。",
    "加强与周边区县的协作联动，推动{s}标准互认、信息互通、执法互助。",
    "实行限时办结，对符合条件的申请当场受理，对材料不全的一次性告知需补正的内容。",
    "本年度共受理相关申请{n}件，办结率{p}%，群众满意率保持在较高水平。",
    "定期开展“回头看”，防止问题反弹回潮，巩固{s}成果。",
    "联系人：{person}，联系电话：0571-8{tel}，电子邮箱：{mail}。",
]

PUBLIC_GOALS = [
    "到{y2}年，{s}体制机制更加完善，主要指标位居全市前列。",
    "{y2}年底前，{s}相关事项办理时间压减{p30}%，跑动次数压减至0.{n1}次以内。",
    "力争{n1}年内实现{s}镇（街道）全覆盖，群众获得感和满意度持续提升。",
    "年内新增{s}服务点{n}个，培育省级以上示范项目{n1}个。",
]

PUBLIC_TASKS = ["完善制度体系", "压实属地责任", "加强协同配合", "强化过程监管", "推进数字赋能",
                "抓好示范引领", "补齐短板弱项", "优化服务流程", "加强人才保障", "严格考核问效",
                "防范化解风险", "深化宣传引导", "推动共建共享", "强化要素支撑"]

PUBLIC_SAFEGUARDS = ["强化组织保障", "强化资金保障", "强化监督问效", "强化宣传引导", "强化队伍建设"]

PLAN_NAMES = ["实施方案", "三年行动计划", "管理办法", "实施细则", "工作规程", "考核评价办法",
              "专项整治方案", "若干措施"]

POLICY_TITLES = [
    "{org}关于印发《{d}{s}{plan}》的通知",
    "{org}关于进一步加强{s}工作的意见",
    "{org}关于做好{y}年度{s}工作的通知",
    "{org}关于开展{s}专项行动的通知",
    "{d}{s}{plan}",
]

PUBLIC_QUOTES = [
    "> 注：本文件由{o}负责解释，自印发之日起施行，有效期{n1}年。",
    "> 提示：申请人可通过“浙里办”类政务服务移动端在线提交，无需到现场。",
    "> 本文所称“以上”含本数，“以下”不含本数。",
]

FOOTNOTES = [
    "数据截至{y}年12月31日，来源于各责任单位报送的统计台账。",
    "覆盖率=已建成数÷规划建设数×100%，保留一位小数。",
    "工作日不含国家法定节假日，遇调休按国务院办公厅通知执行。",
]

INTERNAL_TITLES = [
    "关于{s}事项的内部研究意见",
    "{s}专题会商纪要（征求意见稿）",
    "关于{s}有关问题的请示（送审稿）",
    "{s}情况摸底汇总表（内部掌握）",
    "关于调整{s}分工安排的内部通报",
]

INTERNAL_SENTENCES = [
    "此件系内部研究材料，所列数据尚待逐项核实，仅供参阅，请勿外传。",
    "经初步摸排，{u}上报的台账口径不一，需退回重新填报后再行汇总。",
    "会上各方意见分歧较大，暂不形成结论，待下次碰头会继续议定。",
    "涉及个别当事人的家庭住址和身份信息，汇总表已作内部标注。",
    "建议先在小范围内征询意见，成熟后再按程序提请审议，不宜提前对外表态。",
    "本稿第三部分的测算依据仍在与{o}对接，数字为暂估值。",
    "请各参会单位于{day}日前反馈书面修改意见，逾期视为无异议。",
    "有关线索移送后尚在调查核实中，处理结果未定，相关材料按工作秘密管理。",
    "请示事项涉及的经费缺口约{m}万元，资金来源待财政部门研究后答复。",
    "第三方提供的经营数据属于商业秘密，仅限承办科室调阅，不得复制。",
    "讨论中提出的三种备选方案各有利弊，承办处室倾向于第二种，待领导圈定。",
    "草拟过程中共收到修改意见{n}条，已采纳{n2}条，其余意见附后说明理由。",
    "执法案卷编号暂按内部流水号管理，正式编号待案件审结后统一编定。",
    "本件附有个人身份证明复印件{n2}份，随卷归档，不予扫描上传。",
    "考虑到相关项目尚处谈判阶段，对外口径统一为“正在研究中”。",
]

INTERNAL_HEADINGS = ["基本情况摸底", "存在的分歧", "下一步打算", "需要请示的事项", "内部分工"]

WITHHELD_REASONS = [
    "属于国家秘密，依据《中华人民共和国政府信息公开条例》第十四条不予公开",
    "属于内部事务信息，依据《中华人民共和国政府信息公开条例》第十六条第一款不予公开",
    "属于过程性信息，依据《中华人民共和国政府信息公开条例》第十六条第二款不予公开",
    "涉及商业秘密和个人隐私，依据《中华人民共和国政府信息公开条例》第十五条不予公开",
    "属于行政执法案卷信息，依据《中华人民共和国政府信息公开条例》第十六条第二款不予公开",
]

BUDGET_SUBJECTS = ["一般公共服务支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
                   "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出",
                   "交通运输支出", "住房保障支出", "灾害防治及应急管理支出"]

BUDGET_EXPLANATIONS = [
    "基本支出{m}万元，主要用于保障在职人员工资福利和机构日常运转。",
    "项目支出{m}万元，主要用于{s}等重点工作，均已设定绩效目标并随预算批复。",
    "严格落实党政机关习惯过紧日子要求，非急需非刚性支出压减{p30}%。",
    "机关运行经费{m}万元，较上年下降{n1}.{n2}%，主要是压减会议费和差旅费。",
    "本单位无政府性基金预算和国有资本经营预算拨款，相关公开表格以空表列示。",
    "政府采购预算{m}万元，其中面向中小企业预留份额不低于{p30}%。",
    "截至上年末，本单位共有公务用车{n1}辆，单价50万元以上通用设备{n2}台（套）。",
]

BUDGET_TERMS = [
    ("一般公共预算", "以税收为主体的财政收入，安排用于保障和改善民生、推动经济社会发展等方面的收支预算。"),
    ("上年结转结余", "以前年度预算安排、因客观条件变化未执行完毕、结转到本年度按原用途继续使用的资金。"),
    ("基本支出", "为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"),
    ("项目支出", "在基本支出之外，为完成特定行政工作任务和事业发展目标所发生的支出。"),
    ("“三公”经费", "用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"),
]

GUIDE_ITEMS = [
    ("食品小作坊登记", "market", 15, "《浙江省食品小作坊小餐饮店小食杂店和食品摊贩管理规定》"),
    ("公共场所卫生许可", "health", 20, "《公共场所卫生管理条例》"),
    ("诊所备案", "health", 20, "《医疗机构管理条例》"),
    ("校外培训机构设立审批", "edu", 30, "《中华人民共和国民办教育促进法》"),
    ("建筑垃圾处置核准", "city", 20, "《城市建筑垃圾管理规定》"),
    ("城市道路挖掘许可", "traffic", 20, "《城市道路管理条例》"),
    ("排水许可", "build", 20, "《城镇排水与污水处理条例》"),
    ("劳务派遣经营许可", "work", 20, "《劳务派遣行政许可实施办法》"),
    ("养老机构备案", "civil", 15, "《养老机构管理办法》"),
    ("民办非企业单位成立登记", "civil", 60, "《民办非企业单位登记管理暂行条例》"),
    ("特种设备使用登记", "market", 15, "《特种设备使用管理规则》"),
    ("取水许可", "water", 45, "《取水许可和水资源费征收管理条例》"),
    ("农村村民宅基地审批", "farm", 20, "《中华人民共和国土地管理法》"),
    ("营业性演出审批", "culture", 20, "《营业性演出管理条例》"),
    ("烟花爆竹零售许可", "safety", 20, "《烟花爆竹安全管理条例》"),
    ("法律援助申请", "law", 7, "《中华人民共和国法律援助法》"),
    ("残疾人两项补贴申领", "civil", 20, "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》"),
    ("退役士兵自主就业一次性经济补助发放", "veteran", 30, "《退役士兵安置条例》"),
]

GUIDE_STEPS = ["申请人在线或到窗口提交申请材料", "窗口工作人员审核材料，材料齐全的当场受理",
               "承办科室开展审查，需要现场核查的组织核查", "作出准予或不予许可的决定",
               "制发证照或决定书，申请人可选择免费邮寄送达"]

GUIDE_QA = [
    ("可以委托他人代为办理吗？", "可以，受托人须携带授权委托书和本人身份证件。"),
    ("办理进度如何查询？", "可通过区政务服务网“办件查询”栏目输入受理编号查询。"),
    ("材料需要原件吗？", "已通过电子证照库共享的证照可免于提交原件，其余材料须原件核验。"),
    ("办结后证照如何领取？", "可选择窗口自取或免费邮寄，邮寄一般在2个工作日内寄出。"),
]

STREETS = ["临江路", "梅岭大道", "石门路", "白沙街", "青溪大道", "文昌路"]


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------

class Slots(dict):
    """Values for phrase slots, each drawn when a phrase first asks for it."""

    def __init__(self, rng: random.Random, subject: str, office: Office, year: int) -> None:
        super().__init__(s=subject, o=office.short, y=str(year))
        self.rng, self.year = rng, year

    def __missing__(self, key: str) -> str:
        r = self.rng
        makers = {
            "u": lambda: r.choice(["各镇（街道）", "区级各部门", "各村（社区）", "各责任单位", "各行业主管部门"]),
            "n": lambda: str(r.randint(12, 980)), "n1": lambda: str(r.randint(2, 9)),
            "n2": lambda: str(r.randint(3, 40)), "m": lambda: f"{r.randint(20, 9000)}.{r.randint(0, 99):02d}",
            "m2": lambda: str(r.randint(100, 50000)), "p": lambda: f"{r.randint(60, 99)}.{r.randint(0, 9)}",
            "p30": lambda: str(r.randint(5, 30)), "y2": lambda: str(self.year + r.randint(1, 5)),
            "mo": lambda: str(r.randint(1, 12)), "day": lambda: str(r.randint(1, 25)),
            "w": lambda: r.choice(["https://www.qingxi.example.gov.cn/xxgk/", "https://zwfw.qingxi.example.gov.cn/"]),
            "person": lambda: person(r), "tel": lambda: f"{r.randint(0, 9999999):07d}",
            "mail": lambda: r.choice(["zwgk", "bgs", "xxgk", "fzk"]) + "@qingxi.example.gov.cn",
            "d": lambda: DISTRICT,
        }
        value = makers[key]()
        self[key] = value
        return value


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def fill(phrase: str, slots: Slots) -> str:
    return phrase.format_map(slots)


def sentences(rng: random.Random, slots: Slots, pool: list[str], lo: int, hi: int) -> str:
    return "".join(fill(p, slots) for p in rng.sample(pool, rng.randint(lo, hi)))


def md_table(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    line = lambda cells: "| " + " | ".join(cells) + " |"
    rule = "|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|"
    return "\n".join([line(header), rule] + [line(r) for r in rows])


def cents(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


def split_cents(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    edges = [0] + cuts + [total]
    return [b - a for a, b in zip(edges, edges[1:])]


def split_int(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    edges = [0] + cuts + [total]
    return [b - a for a, b in zip(edges, edges[1:])]


NEEDS_QUOTES = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|^[\d.:+_-]+$|^\d{4}-\d\d-\d\d|\s$|^(yes|no|true|false|null|on|off|~)$", re.I)
FLOW_UNSAFE = re.compile(r"[,\[\]{}:#]")


def yaml_value(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, Money):
        return text
    if NEEDS_QUOTES.search(text) or (flow and FLOW_UNSAFE.search(text)):
        return json.dumps(text, ensure_ascii=False)
    return text


class Money(str):
    """An amount written as it is (two decimals), never re-formatted."""


def yaml_lines(key: str, value, flow_maps: bool, indent: str = "") -> list[str]:
    if isinstance(value, Row):
        return [f"{indent}{key}: [{', '.join(str(n) for n in value)}]"]
    if isinstance(value, dict) and not value:
        return [f"{indent}{key}: {{}}"]
    if isinstance(value, dict):
        if flow_maps and all(not isinstance(v, (dict, list)) for v in value.values()):
            inner = ", ".join(f"{k}: {yaml_value(v, True)}" for k, v in value.items())
            return [f"{indent}{key}: {{{inner}}}"]
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out += yaml_lines(k, v, flow_maps, indent + "  ")
        return out
    if isinstance(value, list):
        out = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, dict):
                pairs = list(item.items())
                out.append(f"{indent}  - {pairs[0][0]}: {yaml_value(pairs[0][1])}")
                out += [f"{indent}    {k}: {yaml_value(v)}" for k, v in pairs[1:]]
            else:
                out.append(f"{indent}  - {yaml_value(item)}")
        return out
    return [f"{indent}{key}: {yaml_value(value)}"]


# ---------------------------------------------------------------------------------------
# Record types. A type is one RecordType row of TYPES; `write` gets the record and its
# random stream and returns its title, its type's front-matter fields and Markdown blocks.
# ---------------------------------------------------------------------------------------

@dataclass
class Record:
    position: int
    kind: "RecordType"
    office: Office
    year: int                 # the year of `created`, and the folder
    disclosure: str           # proactive, on-request, withheld
    index_number: str
    canary: str | None
    created: dt.date
    latest: dt.date           # the last day it may be published on (timeliness, report deadline)
    repealed_by: str | None = None

    @property
    def public(self) -> bool:
        return self.disclosure == "proactive"

    @property
    def path(self) -> str:
        stem = f"{self.kind.prefix}-{self.year}-{self.position:06d}"
        if self.canary:
            stem += "-" + self.canary.lower()
        return f"content/{self.kind.section}/{self.year}/{stem}.md"


@dataclass(frozen=True)
class RecordType:
    name: str                  # the type disclose knows it by (`disclose new NAME`)
    section: str               # folder under content/
    prefix: str                # file names: PREFIX-YEAR-POSITION.md
    weight: float              # relative share of the records
    dates: Callable[[random.Random, int], tuple[dt.date, dt.date]]   # (created, latest allowed published)
    # (record, its random stream, its phrase slots) -> (title, type fields, the body's first
    # blocks, makers of further blocks drawn until the body has its size, the last blocks)
    write: Callable[["Record", random.Random, Slots], tuple]
    offices: Callable[[random.Random], Office] = None   # who publishes it (default: any office)


def any_day(rng: random.Random, year: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 1, 3)
    end = min(dt.date(year, 12, 15), LAST_CREATED)
    created = start + dt.timedelta(days=rng.randint(0, (end - start).days))
    return created, created + dt.timedelta(days=14)


def policy_record(r: Record, rng: random.Random, slots: Slots):
    plan = rng.choice(PLAN_NAMES)
    org = r.office.name
    title = rng.choice(POLICY_TITLES).format(org=org, d=DISTRICT, s=slots["s"], plan=plan, y=r.year)
    seq = rng.randint(1, 180)
    status = "effective"
    if r.repealed_by:
        status = "repealed"
    elif r.year < 2018 and rng.random() < 0.3:
        status = "expired"
    fields = {"document_number": f"{r.office.seal}{rng.choice(['发', '', '函', '办'])}〔{r.year}〕{seq}号",
              "status": status}
    if r.repealed_by:
        fields["repealed_by"] = r.repealed_by
    blocks = [rng.choice(["各镇人民政府、街道办事处，区政府各部门、各直属单位：", "区级各有关单位："])]
    blocks.append(f"为推动{slots['s']}工作{rng.choice(['提质增效', '规范有序', '走在前列'])}，"
                  f"结合本区实际，{rng.choice(['制定本方案', '提出如下意见', '现就有关事项通知如下'])}。"
                  + sentences(rng, slots, PUBLIC_SENTENCES, 1, 2))
    blocks.append("## 一、总体要求")
    blocks.append(sentences(rng, slots, PUBLIC_SENTENCES, 2, 3))
    blocks.append("\n".join(f"{i}. {fill(g, slots)}" for i, g in enumerate(rng.sample(PUBLIC_GOALS, rng.randint(2, 3)), 1)))
    blocks.append("## 二、主要任务")
    offices = rng.sample(OFFICES, 4)
    rows = [[str(i), t, o.short, f"{r.year + rng.randint(0, 2)}年{rng.randint(1, 12)}月底前"]
            for i, (t, o) in enumerate(zip(rng.sample(PUBLIC_TASKS, 4), offices), 1)]
    blocks.append(md_table(["序号", "重点任务", "牵头单位", "完成时限"], rows, {0}))
    extra = [
        lambda: f"### （{rng.choice('一二三四五')}）{rng.choice(PUBLIC_TASKS)}\n\n" + sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
        lambda: "\n".join(f"- **{t}。**" + fill(rng.choice(PUBLIC_SENTENCES), slots) for t in rng.sample(PUBLIC_TASKS, 3)),
        lambda: fill(rng.choice(PUBLIC_QUOTES), slots),
        lambda: sentences(rng, slots, PUBLIC_SENTENCES, 2, 4),
    ]
    return title, fields, blocks, extra, ["## 三、保障措施", "\n".join(
        f"{i}. **{t}。**" + fill(rng.choice(PUBLIC_SENTENCES), slots)
        for i, t in enumerate(rng.sample(PUBLIC_SAFEGUARDS, 2), 1))]


def budget_dates(rng: random.Random, year: int) -> tuple[dt.date, dt.date]:
    months = (1, 3) if rng.random() < 0.5 else (7, 9)
    start = dt.date(year, months[0], 5)
    created = start + dt.timedelta(days=rng.randint(0, 80))
    return min(created, LAST_CREATED), min(created, LAST_CREATED) + dt.timedelta(days=14)


def budget_record(r: Record, rng: random.Random, slots: Slots):
    final = r.created.month >= 7
    fiscal = r.year - 1 if final else r.year
    kind = "final-accounts" if final else "budget"
    label = "决算" if final else "预算"
    expenditure = int(10 ** rng.uniform(4.5, 6.8))   # in hundredths of 万元: 316 to 63,000 万元
    revenue = expenditure + rng.randint(0, expenditure // 10)
    names = rng.sample(BUDGET_SUBJECTS, rng.randint(3, 6))
    amounts = split_cents(rng, expenditure, len(names))
    fields = {"fiscal_year": fiscal, "kind": kind, "department": r.office.name,
              "totals": {"revenue": Money(cents(revenue)), "expenditure": Money(cents(expenditure))},
              "lines": [{"name": n, "amount": Money(cents(a))} for n, a in zip(names, amounts)]}
    three = split_cents(rng, rng.randint(100, 30_000), 3)
    if rng.random() < 0.7:
        fields["three_public"] = {"receptions": Money(cents(three[0])), "vehicles": Money(cents(three[1])),
                                  "overseas_travel": Money(cents(three[2]))}
    title = f"{r.office.name}{fiscal}年部门{label}公开"
    blocks = [f"## 一、部门职责及机构设置",
              f"{r.office.name}主要负责全区{slots['s']}等方面的工作。" + sentences(rng, slots, PUBLIC_SENTENCES, 1, 2),
              f"## 二、{fiscal}年收支{label}总体情况",
              f"{fiscal}年度收入总计{cents(revenue)}万元，支出总计{cents(expenditure)}万元。",
              md_table(["功能分类科目", f"{label}数（万元）"],
                       [[n, cents(a)] for n, a in zip(names, amounts)] + [["合计", cents(expenditure)]], {1})]
    if "three_public" in fields:
        blocks += ["## 三、“三公”经费情况",
                   f"“三公”经费合计{cents(sum(three))}万元，其中公务接待费{cents(three[0])}万元，"
                   f"公务用车购置及运行维护费{cents(three[1])}万元，因公出国（境）费{cents(three[2])}万元。"]
    extra = [
        lambda: sentences(rng, slots, BUDGET_EXPLANATIONS, 2, 3),
        lambda: "\n".join(f"- **{t}**：{d}" for t, d in rng.sample(BUDGET_TERMS, 2)),
        lambda: sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
    ]
    return title, fields, blocks, extra, ["## 名词解释", "\n".join(f"{i}. **{t}**：{d}" for i, (t, d) in
                                                               enumerate(rng.sample(BUDGET_TERMS, 2), 1))]


def guide_record(r: Record, rng: random.Random, slots: Slots):
    # A service of the publisher's own area; towns and streets handle any.
    own = [item for item in GUIDE_ITEMS if item[1] == r.office.area]
    name, area, statutory, basis = rng.choice(own or GUIDE_ITEMS)
    slots["s"] = name
    materials = rng.sample(["申请表（原件1份）", "申请人身份证明", "营业执照或法人登记证书", "场所平面布局图",
                            "相关管理制度文本", "授权委托书（委托办理的提供）", "承诺书", "现场照片"], rng.randint(3, 6))
    free = rng.random() < 0.7
    fields = {
        "legal_basis": [f"{basis}", "《优化营商环境条例》"] if rng.random() < 0.4 else f"{basis}相关条款",
        "conditions": f"申请人应当具备与{name}相适应的场所、设备和管理制度，且近三年无相关违法记录。",
        "materials": materials,
        "procedure": GUIDE_STEPS[: rng.randint(3, 5)] if rng.random() < 0.6 else "受理—审查—决定—送达",
        "time_limit": {"statutory_days": statutory, "promised_days": rng.randint(1, statutory)},
        "fees": {"standard": "不收费"} if free else {"standard": f"按{rng.randint(50, 400)}元/件收取",
                                                 "basis": "省物价部门核定的收费标准"},
        "window": f"青溪区政务服务中心{rng.randint(1, 4)}楼{rng.randint(1, 40)}号窗口，负责受理、审查和出件",
    }
    title = f"{name}（{r.office.short}）" if rng.random() < 0.5 else name
    blocks = ["## 办理地点和时间",
              f"青溪区政务服务中心（{rng.choice(STREETS)}{rng.randint(1, 300)}号）。周一至周五上午8:30—12:00，"
              f"下午14:00—17:30，法定节假日除外。",
              "## 申报材料清单",
              md_table(["序号", "材料名称", "份数", "形式"],
                       [[str(i), m, str(rng.randint(1, 2)), rng.choice(["原件", "复印件", "电子件"])]
                        for i, m in enumerate(materials, 1)], {0, 2}),
              "## 办理流程",
              "\n".join(f"{i}. {s}；" for i, s in enumerate(GUIDE_STEPS, 1))]
    extra = [
        lambda: "## 常见问题\n\n" + "\n\n".join(f"**问：**{q}\n**答：**{a}" for q, a in rng.sample(GUIDE_QA, 2)),
        lambda: sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
        lambda: fill(rng.choice(PUBLIC_QUOTES), slots),
    ]
    return title, fields, blocks, extra, ["## 咨询监督",
                                          fill("咨询电话：0571-8{tel}；投诉监督：12345政务服务便民热线。", slots)]


def report_dates(rng: random.Random, year: int) -> tuple[dt.date, dt.date]:
    # Written early in the year after the one reported on, which is 2008 at the earliest.
    year = max(year, FIRST_YEAR + 1)
    created = dt.date(year, 1, 6) + dt.timedelta(days=rng.randint(0, 60))
    return created, dt.date(year, 3, 31)


APPLICANT_WEIGHTS = [0.70, 0.16, 0.01, 0.02, 0.04, 0.07]  # 自然人; 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他
OUTCOME_REASONS = {
    "denied": ["state_secret", "prohibited_by_law", "security_stability", "third_party",
               "internal_affairs", "process_information", "enforcement_files", "inquiry"],
    "unavailable": ["not_held", "needs_creation", "unclear"],
    "not_processed": ["complaint", "repeated", "publication", "excessive", "confirmation"],
    "other": ["overdue_correction", "overdue_fee", "other"],
}


class Row(list):
    """A row of table 三: six applicant columns and their 总计, written as a flow sequence."""

    @classmethod
    def of(cls, columns: list[int]) -> "Row":
        return cls(columns + [sum(columns)])


def report_record(r: Record, rng: random.Random, slots: Slots):
    # Table 三 of the national format (国办公开办函〔2021〕30号), column by column: in every
    # applicant column 本年新收 + 上年结转 = 办理结果总计 + 结转下年度, and each outcome is the
    # sum of its reasons (only reasons with a request are written, as offices do).
    year = r.year - 1
    keys = ["granted", "partially_granted", "denied", "unavailable", "not_processed", "other"]
    shares = [rng.uniform(4, 8), rng.uniform(1, 2), rng.uniform(0.5, 1.5), rng.uniform(0.5, 2), rng.uniform(0.2, 1), 0.3]
    received_total = rng.randint(5, 400)
    received = split_weighted(rng, received_total, APPLICANT_WEIGHTS)
    carried = [rng.randint(0, 20) if c == 0 else rng.randint(0, 2) for c in range(6)]
    forward = [rng.randint(0, min(received[c] + carried[c], 15 if c == 0 else 2)) for c in range(6)]
    by_outcome: dict[str, list[int]] = {k: [0] * 6 for k in keys}
    by_reason: dict[str, dict[str, list[int]]] = {k: {} for k in OUTCOME_REASONS}
    for c in range(6):
        done = received[c] + carried[c] - forward[c]
        counts = [int(done * w / sum(shares)) for w in shares]
        counts[0] += done - sum(counts)
        for k, n in zip(keys, counts):
            by_outcome[k][c] = n
            if k in OUTCOME_REASONS and n:
                used = rng.sample(OUTCOME_REASONS[k], rng.randint(1, min(3, len(OUTCOME_REASONS[k]))))
                for reason, part in zip(used, split_int(rng, n, len(used))):
                    by_reason[k].setdefault(reason, [0] * 6)[c] += part
    outcomes: dict = {"granted": Row.of(by_outcome["granted"]), "partially_granted": Row.of(by_outcome["partially_granted"])}
    for k in OUTCOME_REASONS:
        outcomes[k] = {reason: Row.of(columns) for reason in OUTCOME_REASONS[k]
                       if (columns := by_reason[k].get(reason)) and sum(columns)}
    outcomes["total"] = Row.of([sum(by_outcome[k][c] for k in keys) for c in range(6)])

    def appeal() -> dict:
        parts = split_int(rng, rng.randint(0, 12), 4)
        return dict(zip(["upheld", "corrected", "other", "pending"], parts), total=sum(parts))

    issued, repealed = rng.randint(0, 30), rng.randint(0, 10)
    stats = {"proactive": {"rules": {"issued": 0, "repealed": 0, "in_force": 0},
                           "normative_documents": {"issued": issued, "repealed": repealed,
                                                   "in_force": issued + rng.randint(10, 80)},
                           "licensing": rng.randint(100, 9000), "penalties": rng.randint(0, 900),
                           "coercive_measures": rng.randint(0, 40),
                           "fees": Money(cents(rng.randint(0, 900000)))},
             "requests": {"received": Row.of(received), "carried_over": Row.of(carried), "outcomes": outcomes,
                          "carried_forward": Row.of(forward)},
             "reviews": appeal(), "lawsuits": {"direct": appeal(), "after_review": appeal()}}
    title = f"{r.office.name}{year}年政府信息公开工作年度报告"
    done_total = sum(received) + sum(carried) - sum(forward)
    # The body holds the text of sections 一, 五 and 六 under their headings; tables 二 to
    # 四 are generated from the statistics.
    blocks = [f"本报告依据《中华人民共和国政府信息公开条例》第五十条编制，统计期限为{year}年1月1日至{year}年12月31日。",
              "## 一、总体情况", sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
              f"全年新收政府信息公开申请{sum(received)}件，上年结转{sum(carried)}件，办结{done_total}件，"
              f"结转下年度继续办理{sum(forward)}件。"]
    extra = [
        lambda: "\n".join(f"- {fill(s, slots)}" for s in rng.sample(PUBLIC_SENTENCES, 3)),
        lambda: sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
    ]
    return title, {"year": year, "statistics": stats}, blocks, extra, [
        "## 五、存在的主要问题及改进情况", sentences(rng, slots, PUBLIC_SENTENCES, 2, 3),
        "## 六、其他需要报告的事项", f"本年度{rng.choice(['未收取信息处理费', '收取信息处理费0元'])}。"]


def split_weighted(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """`total` spread over len(weights) parts in about those proportions, summing exactly."""
    parts = [int(total * w * rng.uniform(0.6, 1.4)) for w in weights]
    while sum(parts) > total:
        parts[parts.index(max(parts))] -= 1
    parts[0] += total - sum(parts)
    return parts


def guide_office(rng: random.Random) -> Office:
    # Offices that run a service window of GUIDE_ITEMS, and the towns and streets.
    return rng.choice([o for o in OFFICES if o.area == "street" or any(i[1] == o.area for i in GUIDE_ITEMS)])


def report_office(rng: random.Random) -> Office:
    # Every office publishes its own annual report.
    return rng.choice(OFFICES)


# The record types, each one row. Adding a type: a writer like policy_record (title, the
# type's fields as `disclose new TYPE` lists them, body blocks from PUBLIC_* phrases; a
# non-public record's title and body are replaced by internal_record, whatever its type),
# a dates function when publication has its own calendar, an offices function when only
# some offices publish it, and its row here. Weights are relative: the shares of the
# others shrink. On the Hugo side: its section in hugo.toml's params.sections and
# params.sectionNames, and a partials/fields/SECTION.html for its metadata rows.
TYPES: list[RecordType] = [
    RecordType("policy", "policies", "zcwj", 0.55, any_day, policy_record),
    RecordType("budget", "budgets", "czyjs", 0.15, budget_dates, budget_record),
    RecordType("guide", "guides", "bszn", 0.25, any_day, guide_record, guide_office),
    RecordType("report", "reports", "ndbg", 0.05, report_dates, report_record, report_office),
]

# Fixed pages under content/pages/: (file name, function of a random stream returning the
# file's text). Each is written as it is, with the records.
FIXED_PAGES: list[tuple[str, Callable[[random.Random], str]]] = []


# ---------------------------------------------------------------------------------------
# Planning and writing
# ---------------------------------------------------------------------------------------

def pick_year(rng: random.Random) -> int:
    # More records in later years: weight grows with the year.
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    return rng.choices(years, weights=[1 + (y - FIRST_YEAR) * 0.4 for y in years])[0]


def plan(n: int, seed: int, share: float) -> list[Record]:
    rng = random.Random(f"plan:{seed}")
    total = sum(t.weight for t in TYPES)
    counts = [max(1, int(n * t.weight / total)) for t in TYPES] if n >= len(TYPES) else [0] * len(TYPES)
    i = 0
    while sum(counts) < n:
        counts[i % len(TYPES)] += 1
        i += 1
    while sum(counts) > n:
        biggest = counts.index(max(counts))
        counts[biggest] -= 1
    kinds = [t for t, c in zip(TYPES, counts) for _ in range(c)]
    rng.shuffle(kinds)
    hidden_count = round(n * share)
    # Non-public records spread over all types; never the first record of a type.
    first_of = {}
    for pos, t in enumerate(kinds):
        first_of.setdefault(t.name, pos)
    candidates = [p for p in range(n) if p not in first_of.values()]
    hidden = sorted(rng.sample(candidates, min(hidden_count, len(candidates))))
    disclosure = {p: ("on-request" if k % 2 == 0 else "withheld") for k, p in enumerate(hidden)}
    serial: dict[tuple[str, int], int] = {}
    canaries: set[str] = set()
    records = []
    # One annual report per office and year, public or not (report.duplicate): a report
    # draws another office and year while its slot is taken; once no draw finds a free one
    # (the slots run out near 400 reports), the record is a policy instead.
    report_slots: set[tuple[str, int]] = set()
    policy_kind = next(t for t in TYPES if t.name == "policy")
    for pos, kind in enumerate(kinds):
        r_rng = random.Random(f"record:{seed}:{pos}")

        def draw(kind: RecordType) -> tuple[Office, int, dt.date, dt.date]:
            office = kind.offices(r_rng) if kind.offices else r_rng.choice(OFFICES)
            created, latest = kind.dates(r_rng, pick_year(r_rng))
            return office, created.year, created, latest

        office, year, created, latest = draw(kind)
        if kind.name == "report":
            for _ in range(64):
                if (office.code, year) not in report_slots:
                    break
                office, year, created, latest = draw(kind)
            if (office.code, year) in report_slots:
                kind = policy_kind
                office, year, created, latest = draw(kind)
            else:
                report_slots.add((office.code, year))
        key = (office.code, year)
        serial[key] = serial.get(key, 0) + 1
        canary = None
        if pos in disclosure:
            digest = hashlib.sha256(f"canary:{seed}:{pos}".encode()).hexdigest().upper()
            canary = "CANARY-" + digest[:12]
            assert canary not in canaries
            canaries.add(canary)
        records.append(Record(pos, kind, office, year, disclosure.get(pos, "proactive"),
                              f"{office.code}/{year}-{serial[key]:05d}", canary, created, latest))
    # A few older public policies are repealed by a later public policy.
    policies = [r for r in records if r.kind.name == "policy" and r.public]
    policies.sort(key=lambda r: (r.created, r.position))
    for i, r in enumerate(policies[:-1]):
        if rng.random() < 0.04:
            r.repealed_by = policies[rng.randint(i + 1, len(policies) - 1)].index_number
    return records


def body_size(rng: random.Random) -> int:
    return int(min(4400, max(1550, rng.triangular(1500, 4500, 2900))))


def compose(rng: random.Random, head: list[str], extra: list[Callable[[], str]], tail: list[str],
            target: int) -> list[str]:
    """Head blocks, then extras drawn until the body reaches `target` bytes, then the tail;
    an extra that would pass 4.5 KB is left out."""
    size = lambda bs: len("\n\n".join(bs).encode())
    blocks = list(head)
    tries = 0
    while size(blocks + tail) < target and tries < 40:
        tries += 1
        block = rng.choice(extra)()
        if size(blocks + [block] + tail) <= 4500:
            blocks.append(block)
    return blocks + tail


def internal_record(r: Record, rng: random.Random, slots: Slots) -> tuple[str, list[str]]:
    """Title and blocks of a non-public record, from INTERNAL_* only."""
    title = rng.choice(INTERNAL_TITLES).format(s=slots["s"]) + f"（{r.canary}）"
    head = [f"编号{r.canary}，" + fill(rng.choice(INTERNAL_SENTENCES), slots)]
    extra = [
        lambda: f"## {rng.choice(INTERNAL_HEADINGS)}\n\n" + sentences(rng, slots, INTERNAL_SENTENCES, 2, 3),
        lambda: "\n".join(f"- {fill(s, slots)}" for s in rng.sample(INTERNAL_SENTENCES, 3)),
        lambda: md_table(["摸排对象", "上报数", "核实数"], [[f"第{i}组", str(rng.randint(1, 99)), str(rng.randint(1, 99))]
                                                    for i in range(1, rng.randint(3, 6))], {1, 2}),
        lambda: sentences(rng, slots, INTERNAL_SENTENCES, 2, 4),
    ]
    tail: list[str] = []
    if r.kind.name == "report":
        # A withheld report still has the national format's sections (report.sections).
        head = ["## 一、总体情况"] + head
        tail = ["## 五、存在的主要问题及改进情况", sentences(rng, slots, INTERNAL_SENTENCES, 2, 3),
                "## 六、其他需要报告的事项", sentences(rng, slots, INTERNAL_SENTENCES, 1, 2)]
    return title, compose(rng, head, extra, tail, body_size(rng))


def render(r: Record, seed: int) -> bytes:
    rng = random.Random(f"body:{seed}:{r.position}")
    area_topic, subjects = AREAS[r.office.area]
    slots = Slots(rng, rng.choice(subjects), r.office, r.year)
    title, fields, head, extra, tail = r.kind.write(r, rng, slots)
    flow = rng.random() < 0.5
    alias = rng.random() < 0.1
    fm: dict = {"title": title, "index_number": r.index_number}
    fm["disclosure"] = {"proactive": "主动公开", "on-request": "依申请公开", "withheld": "不予公开"}[r.disclosure] \
        if alias else r.disclosure
    if r.disclosure == "withheld":
        fm["withheld_reason"] = rng.choice(WITHHELD_REASONS)
    fm["publisher"] = r.office.name
    fm["created"] = r.created
    review = r.created + dt.timedelta(days=rng.randint(0, 4))
    published = min(review + dt.timedelta(days=rng.randint(0, 8)), r.latest)
    review = min(review, published)
    if r.public:
        fm["published"] = published
        modified = published + dt.timedelta(days=rng.randint(1, 200))
        if rng.random() < 0.08 and modified.year <= LAST_YEAR:
            fm["modified"] = modified
        fm["review"] = {"reviewer": f"{r.office.short}保密审查小组", "date": review}
    fm["topic"] = area_topic
    if r.public and rng.random() < 0.8:
        fm["summary"] = f"{r.office.short}{rng.choice(['关于', '就'])}{slots['s']}" \
                        f"{rng.choice(['的工作安排和具体要求', '的主要内容、适用范围和实施时间', '有关事项的公开说明'])}。"
    if alias:
        if fields.get("status"):
            fields["status"] = {"effective": "有效", "expired": "失效", "repealed": "废止"}[fields["status"]]
        if fields.get("kind"):
            fields["kind"] = {"budget": "预算", "final-accounts": "决算"}[fields["kind"]]
    fm.update(fields)
    if r.public:
        blocks = compose(rng, head, extra + [lambda: footnoted(rng, slots), lambda: struck(rng, slots)],
                         tail, body_size(rng))
    else:
        fm["title"], blocks = internal_record(r, rng, slots)
        fm.pop("summary", None)
    lines = ["---"]
    for key, value in fm.items():
        lines += yaml_lines(key, value, flow)
    lines += ["---", "", ""]
    text = "\n".join(lines) + "\n\n".join(blocks) + "\n"
    if rng.random() < 0.02:
        text = text.replace("\n", "\r\n")
    data = text.encode()
    if rng.random() < 0.01:
        data = b"\xef\xbb\xbf" + data
    return data


def footnoted(rng: random.Random, slots: Slots) -> str:
    label = rng.randint(1, 9)
    return fill(rng.choice(PUBLIC_SENTENCES), slots).rstrip("。") + f"[^{label}]。\n\n[^{label}]: " + \
        fill(rng.choice(FOOTNOTES), slots)


def struck(rng: random.Random, slots: Slots) -> str:
    return f"（更正：原文“~~{rng.randint(2, 9)}个工作日~~”改为“{rng.randint(10, 15)}个工作日”。）" + \
        fill(rng.choice(PUBLIC_SENTENCES), slots) + f"详见 <{slots['w']}>。"


def site_yaml() -> str:
    return "\n".join([
        f"# {SITE['title']}: benchmark corpus (Benchmarks/corpus.py)",
        f"title: {SITE['title']}", f"base_url: {SITE['base_url']}", "language: zh-CN",
        f"publisher: {SITE['publisher']}", f"index_number_pattern: '{SITE['index_number_pattern']}'",
        "report_deadline: '03-31'", "timeliness_working_days: 20",
        # The national format's headings, which withheld reports carry too: the audit reads a
        # page whole, so the id the report template gives a heading ('report-section-5')
        # runs into it, and a withheld report whose section four ends in a 5 shares that run.
        # Declared as the leak.shared_text and audit.leak messages advise for ordinary wording.
        "leak_boilerplate:", "  - 五、存在的主要问题及改进情况", "  - 六、其他需要报告的事项", ""])


def generate(n: int, out: Path, seed: int, share: float, force: bool) -> dict:
    if out.exists():
        if not force and any(out.iterdir()):
            sys.exit(f"corpus.py: {out} exists and is not empty (--force replaces it)")
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    (out / "content" / "site.yaml").write_text(site_yaml(), encoding="utf-8")
    records = plan(n, seed, share)
    made: set[str] = set()
    record_bytes = 0
    for r in records:
        path = out / r.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = render(r, seed)
        path.write_bytes(data)
        record_bytes += len(data)
    for name, write in FIXED_PAGES:
        page = out / "content" / "pages" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(write(random.Random(f"page:{seed}:{name}")), encoding="utf-8")
    canaries = [r.canary for r in records if r.canary]
    (out / "canaries.txt").write_text("".join(c + "\n" for c in canaries))
    by_type = {t.name: {"public": 0, "on-request": 0, "withheld": 0} for t in TYPES}
    for r in records:
        by_type[r.kind.name]["public" if r.public else r.disclosure] += 1
    manifest = {"generator": "Benchmarks/corpus.py", "records": n, "public_records": n - len(canaries),
                "seed": seed, "withheld_share": share, "record_bytes": record_bytes, "by_type": by_type,
                "mutations": 0}
    (out / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest


# ---------------------------------------------------------------------------------------
# Mutation: K public records edited in place, as a correction would.
# ---------------------------------------------------------------------------------------

# A whole sentence of running text: it starts a paragraph or follows another sentence,
# and holds no Markdown markup (table, heading, list, emphasis, footnote, strikethrough).
SENTENCE = re.compile(r"(?:(?<=。)|(?<=\n\n))[^\s。|#>*\-\[\]~（）：\d][^。\n|#>*\[\]~]{11,}?。")


def mutate(out: Path, k: int) -> list[str]:
    manifest_path = out / "corpus.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["mutations"] = count = manifest.get("mutations", 0) + 1
    rng = random.Random(f"mutate:{manifest['seed']}:{count}")
    public = sorted(str(p.relative_to(out)) for t in TYPES for p in (out / "content" / t.section).rglob("*.md")
                    if "-canary-" not in p.name)
    edited = []
    for rel in rng.sample(public, min(k, len(public))):
        path = out / rel
        data = path.read_bytes()
        bom = data.startswith(b"\xef\xbb\xbf")
        text = data[3:].decode() if bom else data.decode()
        crlf = "\r\n" in text
        text = text.replace("\r\n", "\n")
        _, front, body = text.split("---\n", 2)
        created = re.search(r"^created: (\d{4}-\d{2}-\d{2})$", front, re.M).group(1)
        published = re.search(r"^published: (\d{4}-\d{2}-\d{2})$", front, re.M).group(1)
        modified = re.search(r"^modified: (\d{4}-\d{2}-\d{2})$", front, re.M)
        base = dt.date.fromisoformat(modified.group(1) if modified else max(created, published))
        new_date = base + dt.timedelta(days=rng.randint(1, 9))
        if modified:
            front = front.replace(modified.group(0), f"modified: {new_date.isoformat()}")
        else:
            front = front.replace(f"published: {published}\n", f"published: {published}\nmodified: {new_date.isoformat()}\n", 1)
        candidates = [m for m in SENTENCE.finditer(body)]
        replacement = f"经{new_date.year}年{new_date.month}月{new_date.day}日核对，本段第{count}次更正，" \
                      f"相关数据调整为{rng.randint(10, 9999)}。"
        if candidates:
            m = rng.choice(candidates)
            body = body[:m.start()] + replacement + body[m.end():]
        else:
            body += "\n" + replacement + "\n"
        text = "---\n" + front + "---\n" + body
        if crlf:
            text = text.replace("\n", "\r\n")
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
        edited.append(rel)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return edited


# ---------------------------------------------------------------------------------------
# Verification, without disclose: what compare.sh's leak check and the cache rely on.
# ---------------------------------------------------------------------------------------

def verify(out: Path) -> list[str]:
    """Problems with a corpus: canaries missing or misplaced, canaries.txt not listing
    exactly them, index numbers duplicated or off the pattern, bodies off 1.5-4.5 KB."""
    problems: list[str] = []
    tokens = set((out / "canaries.txt").read_text().split())
    pattern = re.compile(SITE["index_number_pattern"])
    found: set[str] = set()
    numbers: dict[str, str] = {}
    for kind in TYPES:
        for path in sorted((out / "content" / kind.section).rglob("*.md")):
            rel = str(path.relative_to(out))
            text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
            _, front, body = text.split("---\n", 2)
            title = re.search(r"^title: (.*)$", front, re.M).group(1)
            number = re.search(r"^index_number: \"?([^\"\n]*)", front, re.M).group(1)
            public = re.search(r"^disclosure: (proactive|主动公开)$", front, re.M) is not None
            held = set(re.findall(r"CANARY-[0-9A-F]{12}", text))
            if public and (held or "canary-" in path.name):
                problems.append(f"{rel}: a public record holds a canary")
            if not public:
                named = re.search(r"-(canary-[0-9a-f]{12})\.md$", path.name)
                token = named.group(1).upper() if named else None
                if not token or token not in title or body.count(token) != 1 or held != {token}:
                    problems.append(f"{rel}: a non-public record needs its one canary in title, body and file name")
                elif token in found:
                    problems.append(f"{rel}: canary {token} is not unique")
                found.add(token or "")
            if not pattern.match(number):
                problems.append(f"{rel}: index number {number} does not match the site's pattern")
            if number in numbers:
                problems.append(f"{rel}: index number {number} is also {numbers[number]}'s")
            numbers[number] = rel
            size = len(body.encode())
            if not 1400 <= size <= 4600:
                problems.append(f"{rel}: body of {size} bytes")
    if found != tokens:
        problems.append(f"canaries.txt lists {len(tokens)} tokens; the non-public records carry {len(found)}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, help="number of records to generate")
    ap.add_argument("--out", type=Path, required=True, help="the site root to write (or edit)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--withheld-share", type=float, default=0.10,
                    help="share of non-public records, alternately on-request and withheld (default 0.10)")
    ap.add_argument("--force", action="store_true", help="replace a non-empty --out")
    ap.add_argument("--mutate", type=int, metavar="K", help="edit K public records of the corpus in --out")
    ap.add_argument("--verify", action="store_true", help="check the corpus in --out (canaries, index numbers, sizes)")
    args = ap.parse_args()
    if args.verify:
        problems = verify(args.out)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems", file=sys.stderr)
        return 1 if problems else 0
    if args.mutate is not None:
        for rel in mutate(args.out, args.mutate):
            print(rel)
        return 0
    if not args.records or args.records < 1:
        ap.error("--records N (N ≥ 1) or --mutate K is required")
    if not 0 <= args.withheld_share < 1:
        ap.error("--withheld-share must be in [0, 1)")
    m = generate(args.records, args.out, args.seed, args.withheld_share, args.force)
    print(f"{m['records']} records ({m['public_records']} public), {m['record_bytes'] / 1e6:.1f} MB in {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
