#!/usr/bin/env python3
# Publishes N disclosures of the demo department (scjg) through the API,
# as its staff would: created, saved and submitted by the editor, approved
# at both levels, published by the head. Batches of 100 commands a
# request keep it to a few seconds for 500. For the public directory's
# benchmark (bench/bench-public.sh), until the demo makes them itself.
#
#   bench/publish-disclosures.py BASE-URL PASSWORD N
import json
import sys
import urllib.request
import uuid

base, password, count = sys.argv[1], sys.argv[2], int(sys.argv[3])

# One title in five is about planning (规划), which the benchmark searches
# for; the rest is what a market regulator publishes.
TOPICS = [
    ("关于{n}号片区国土空间规划的公告", "plans", ["规划", "国土空间"]),
    ("食品经营许可办理结果公示（第{n}期）", "licensing", ["许可", "食品"]),
    ("行政处罚决定书公示（第{n}期）", "penalties", ["处罚"]),
    ("产品质量监督抽查结果通报（第{n}批）", "oversight", ["抽查", "质量"]),
    ("政府采购项目成交结果公告（第{n}号）", "procurement", ["采购"]),
]

PARAGRAPH = ("依据《中华人民共和国政府信息公开条例》第二十条的规定，现将有关情况公开如下。"
             "本机关按照法定权限和程序办理，办理过程中听取了有关方面的意见，"
             "对申请材料进行了审查，并依法作出决定。")


def post(path, body, token=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def sign_in(username):
    return post("/api/v1/session", {"username": username, "password": password})["token"]


def run(token, commands):
    for start in range(0, len(commands), 100):
        results = post("/api/v1/commands", {"commands": commands[start:start + 100]},
                       token)["results"]
        for command, result in zip(commands[start:start + 100], results):
            if result["status"] != "applied":
                sys.exit("%s was refused: %s" % (command["type"], result.get("reason")))


def command(kind, target, args=None):
    return {"id": str(uuid.uuid4()), "type": kind, "target": target, "args": args or {}}


editor, reviewer, reviewer2, head = (sign_in(name) for name in
                                     ("editor", "reviewer", "reviewer2", "head"))
ids = [str(uuid.uuid4()) for _ in range(count)]
drafts = []
for i, id in enumerate(ids):
    title, category, keywords = TOPICS[i % len(TOPICS)]
    body = "## 基本情况\n\n%s\n\n## 办理结果\n\n%s\n" % (PARAGRAPH * 3, title.format(n=i + 1))
    drafts += [command("create-disclosure", id,
                       {"title": title.format(n=i + 1), "category": category,
                        "formed_on": "2026-11-%02d" % (1 + i % 19),
                        "summary": "第%d号公开信息" % (i + 1), "keywords": keywords}),
               command("save-disclosure", id, {"body": body, "base_version": 0}),
               command("submit-disclosure", id)]
run(editor, drafts)
approve = {"decision": "approve"}
run(reviewer, [command("review-disclosure", id, approve) for id in ids])
run(reviewer2, [command("review-disclosure", id, approve) for id in ids])
run(head, [command("publish-disclosure", id) for id in ids])
