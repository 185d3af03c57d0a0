// a11y.cjs — the public pages in headless Chromium, checked by axe-core
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node a11y.cjs BASE_URL [SCREENSHOT_DIR]
//
// Publishes a few disclosures through the service's own API (as the demo
// department's editor, reviewers and head), sends a citizen's message and
// answers it (as its complaint handler), then opens every kind of
// public page in English and Chinese, on a desktop and on a phone, and
// runs axe-core's WCAG 2.1 A and AA rules on each. Fails on any
// violation, on a phone page wider than the phone, on a page sent
// without its security policy, and on any request that leaves the
// service. Prints TAP.

'use strict';

const fs = require ('fs');
const path = require ('path');
const puppeteer = require ('puppeteer-core');

const base = process.argv[2];
const shots = process.argv[3] || null;
const axeSource = fs.readFileSync (require.resolve ('axe-core/axe.min.js'), 'utf8');
const password = 'demo-password';

let n = 0;
let failed = 0;

function ok (good, name, detail)
{
  n++;
  if (good)
    console.log (`ok ${n} ${name}`);
  else
    {
      failed++;
      console.log (`not ok ${n} ${name}`);
      if (detail)
        for (const line of String (detail).split ('\n'))
          console.log (`# ${line}`);
    }
}

async function api (method, route, token, body)
{
  const headers = { 'Content-Type': 'application/json' };
  if (token)
    headers['Authorization'] = `Bearer ${token}`;
  const response = await fetch (base + route, {
    method, headers, body: body ? JSON.stringify (body) : undefined,
  });
  const text = await response.text ();
  if (!response.ok)
    throw new Error (`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse (text);
}

async function signIn (username)
{
  return (await api ('POST', '/api/v1/session', null, { username, password })).token;
}

async function command (token, type, target, args)
{
  const id = crypto.randomUUID ();
  const answer = await api ('POST', '/api/v1/commands', token,
                            { commands: [{ id, type, target, args: args || {} }] });
  const result = answer.results[0];
  if (result.status !== 'applied')
    throw new Error (`${type}: ${JSON.stringify (result.reason)}`);
  return result.entity.data;
}

const policyText = `# 关于优化市场主体登记许可办理流程的通知

各市州市场监督管理局：

为进一步优化营商环境，现就有关事项通知如下。

## 一、办理时限

1. 材料齐全的，**当场办结**；
2. 需要核查的，自受理之日起 *5个工作日* 内办结。

| 事项 | 法定时限 | 承诺时限 |
|:---|---:|---:|
| 设立登记 | 15个工作日 | 3个工作日 |
| 变更登记 | 15个工作日 | 2个工作日 |

## 二、咨询方式

详见[湖南省人民政府门户网站](https://www.hunan.gov.cn/)，或拨打12315。

> 本通知自发布之日起施行。
`;

async function publish (tokens, title, body, extra)
{
  const id = crypto.randomUUID ();
  await command (tokens.editor, 'create-disclosure', id, Object.assign ({
    title, category: 'licensing', formed_on: '2026-03-16', summary: '市场主体登记许可办理流程优化',
    columns: ['scjg-licensing', 'scjg-normative'], keywords: ['登记', '许可'],
  }, extra || {}));
  await command (tokens.editor, 'save-disclosure', id, { body, base_version: 0 });
  await command (tokens.editor, 'submit-disclosure', id);
  await command (tokens.reviewer, 'review-disclosure', id, { decision: 'approve' });
  await command (tokens.reviewer2, 'review-disclosure', id, { decision: 'approve' });
  await command (tokens.head, 'publish-disclosure', id);
  return id;
}

function executable ()
{
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium'])
    if (fs.existsSync (candidate))
      return candidate;
  throw new Error ('Chromium is not installed');
}

async function main ()
{
  const tokens = {};
  for (const who of ['editor', 'reviewer', 'reviewer2', 'head'])
    tokens[who] = await signIn (who);

  const notice = await publish (tokens, '关于优化市场主体登记许可办理流程的通知', policyText,
                                { normative: true, document_number: '湘市监发〔2026〕12号',
                                  issuing_organ: '湖南省市场监督管理局' });
  await publish (tokens, '《关于优化市场主体登记许可办理流程的通知》政策解读',
                 '## 出台背景\n\n为贯彻落实优化营商环境的决策部署……\n',
                 { interpretation_of: notice, columns: ['scjg-interpretation'] });
  const gone = await publish (tokens, '关于暂停部分登记事项的公告', '因系统升级，暂停办理。\n');
  await command (tokens.head, 'withdraw-disclosure', gone,
                 { public_notice: '系统升级已完成，本公告已撤回。', reason: '升级完成' });

  /* Citizens' messages, answered, for their public pages: one still to
   * rate, one rated */
  const handler = await signIn ('handler');
  const answered = async subject => {
    const sent = await api ('POST', '/public/v1/messages', null, {
      kind: 'consultation', subject, body: '请问个体工商户注销需要哪些材料？',
      department: 'scjg', name: '王芳', email: 'wangfang@example.com',
    });
    let message = null;
    for (let after = 0, more = true; more && !message;)
      {
        const page = await api ('GET', `/api/v1/changes?after=${after}&limit=500`, handler);
        message = page.changes.find (change => change.type === 'message' && change.data &&
                                               change.data.receipt === sent.receipt);
        after = page.next;
        more = page.more;
      }
    if (!message)
      throw new Error (`the message ${sent.receipt} is not in the handler's feed`);
    await command (handler, 'sign-for-message', message.id);
    await command (handler, 'reply-message', message.id,
                   { text: '您好：注销需提交注销登记申请书和营业执照原件。\n如有疑问，请拨打12345。' });
    return sent.receipt;
  };
  const toRate = await answered ('个体户注销要带什么');
  const rated = await answered ('个体户注销能否网上办');
  await api ('POST', '/public/v1/evaluations', null, { receipt: rated, rating: 4, anonymous: true });

  /* An idea campaign taking ideas, with one idea adopted */
  const approver = await signIn ('approver');
  const campaign = crypto.randomUUID ();
  await command (handler, 'create-campaign', campaign, {
    title: '“我为政务服务献一策”金点子征集',
    description: '欢迎就优化营商环境提出建议。\n您的个人信息和建议内容将严格保密。',
    topics: ['办事流程', '窗口服务'], channels: ['portal', 'wechat', 'app', 'email', 'letter'],
    /* The service's today is pinned to 2026-03-20 (meson.build) */
    opens_on: '2026-03-19', closes_on: '2026-04-30',
  });
  await command (approver, 'open-campaign', campaign);
  const idea = await api ('POST', '/public/v1/messages', null, {
    kind: 'idea', campaign, subject: '政务大厅午间不打烊', body: '建议中午安排轮岗，方便上班族办事。',
    anonymous: true,
  });
  let ideaId = null;
  for (let after = 0, more = true; more && !ideaId;)
    {
      const page = await api ('GET', `/api/v1/changes?after=${after}&limit=500`, handler);
      const found = page.changes.find (change => change.type === 'message' && change.data &&
                                                 change.data.receipt === idea.receipt);
      ideaId = found ? found.id : null;
      after = page.next;
      more = page.more;
    }
  await command (handler, 'sign-for-message', ideaId);
  await command (handler, 'score-idea', ideaId, { score: 9 });
  await command (handler, 'shortlist-idea', ideaId);
  /* Ideas are judged once the campaign stops taking them */
  await command (handler, 'close-campaign', campaign);
  await command (handler, 'answer-idea', ideaId, {
    decision: 'adopt', text: '您的建议已被采纳，政务大厅自下月起午间不间断服务。感谢您的参与！',
  });

  /* And one taking ideas, with its form */
  const open = crypto.randomUUID ();
  await command (handler, 'create-campaign', open, {
    title: '“政务服务好不好，请您来说”金点子征集', description: '您的个人信息和建议内容将严格保密。',
    topics: ['延时服务', '帮办代办'], channels: ['portal', 'wechat', 'app'],
    opens_on: '2026-03-19', closes_on: '2026-04-30',
  });
  await command (approver, 'open-campaign', open);

  /* A matter of the service guide repealed today: the service makes it so
   * at once, on its next turn */
  const catalogueReviewer = await signIn ('catalogue-reviewer');
  await command (catalogueReviewer, 'repeal-item', '430000-SCJG-GG-0003',
                 { effective_on: '2026-03-20', basis: '湘市监发〔2026〕3号' });
  for (let tries = 0; tries < 40; tries++)
    {
      const guide = await api ('GET', '/public/v1/items/430000-SCJG-GG-0003', null);
      if (guide.repealed_on)
        break;
      await new Promise (resolve => setTimeout (resolve, 250));
    }

  const pages = [
    ['guide', '/public/items'],
    ['guide-search', '/public/items?q=%E9%A3%9F%E5%93%81&department=scjg&type=01'],
    ['guide-page-2', '/public/items?page=2'],
    ['guide-item', '/public/items/430000-SCJG-XK-0001'],
    ['guide-repealed', '/public/items/430000-SCJG-GG-0003'],
    ['guide-missing', '/public/items/NOSUCH-ITEM'],
    ['directory', '/public/disclosures'],
    ['search', '/public/disclosures?q=%E7%99%BB%E8%AE%B0&organ=scjg'],
    ['no-result', '/public/disclosures?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D'],
    ['disclosure', `/public/disclosures/${notice}`],
    ['withdrawn', `/public/disclosures/${gone}`],
    ['column', '/public/columns/scjg/scjg-licensing'],
    ['column-catalogue', '/public/columns/yjj/yjj-dual-publicity'],
    ['not-found', '/public/disclosures/nothing-here'],
    ['messages', '/public/messages'],
    ['message', `/public/messages/${toRate}`],
    ['message-rated', `/public/messages/${rated}`],
    ['message-missing', '/public/messages/NOSUCHRECEIPT'],
    ['ratings', '/public/ratings'],
    ['campaigns', '/public/campaigns'],
    ['campaign', `/public/campaigns/${open}`],
    ['campaign-judged', `/public/campaigns/${campaign}`],
    ['campaign-missing', '/public/campaigns/nothing-here'],
  ];
  const languages = [['en', 'en'], ['zh_CN', 'zh-CN,zh;q=0.9']];
  const viewports = [
    ['desktop', { width: 1280, height: 800, isMobile: false }],
    ['mobile', { width: 375, height: 667, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ];

  const userDataDir = fs.mkdtempSync (path.join (require ('os').tmpdir (), 'civicdesk-a11y-'));
  const browser = await puppeteer.launch ({
    executablePath: executable (),
    headless: true,
    userDataDir,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
           '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });

  try
    {
      for (const [language, accept] of languages)
        for (const [form, viewport] of viewports)
          {
            const page = await browser.newPage ();
            const strays = [];

            await page.setViewport (viewport);
            await page.setExtraHTTPHeaders ({ 'Accept-Language': accept });
            await page.setRequestInterception (true);
            page.on ('request', request => {
              /* the browser's own date picker icon is a data: address,
               * which never leaves the machine */
              if (request.url ().startsWith (base + '/') || request.url ().startsWith ('data:'))
                request.continue ();
              else
                {
                  strays.push (request.url ());
                  request.abort ();
                }
            });

            for (const [name, route] of pages)
              {
                const label = `${name} ${language} ${form}`;
                const response = await page.goto (base + route, { waitUntil: 'load' });
                const headers = response.headers ();

                ok ((headers['content-security-policy'] || '').includes ("default-src 'none'"),
                    `${label}: sent under its security policy`);
                ok ((await page.evaluate (() => document.documentElement.lang)) ===
                    (language === 'en' ? 'en' : 'zh-CN'), `${label}: in its language`);

                await page.evaluate (axeSource);
                const result = await page.evaluate (() => axe.run (document, {
                  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                }));
                ok (result.violations.length === 0, `${label}: no accessibility violation`,
                    result.violations.map (v => `${v.id}: ${v.help} — ` +
                                           v.nodes.map (node => node.target.join (' ')).join (', '))
                                     .join ('\n'));

                if (form === 'mobile')
                  {
                    const width = await page.evaluate (() => document.documentElement.scrollWidth);
                    ok (width <= viewport.width, `${label}: fits the phone`,
                        `${width} px wide in ${viewport.width}`);
                  }
                if (shots)
                  await page.screenshot ({ path: path.join (shots, `public-${name}-${form}-${language}.png`),
                                           fullPage: form === 'desktop' });
              }
            ok (strays.length === 0, `${language} ${form}: nothing requested beyond the service`,
                strays.join ('\n'));
            await page.close ();
          }
    }
  finally
    {
      await browser.close ();
      fs.rmSync (userDataDir, { recursive: true, force: true });
    }

  console.log (`1..${n}`);
  process.exit (failed > 0 ? 1 : 0);
}

main ().catch (error => {
  console.log (`not ok ${n + 1} the check ran to its end`);
  console.log (`# ${String (error.stack || error).split ('\n').join ('\n# ')}`);
  console.log (`1..${n + 1}`);
  process.exit (1);
});
