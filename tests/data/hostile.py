"""Hostile inputs every user-content field must survive: rendered harmless, never a 500.

Each entry is (name, text). The corpus mixes classic XSS payloads, dangerous URL schemes,
SVG and MathML tricks, encodings and entities, invisible and direction-changing characters,
null bytes, Markdown-specific attacks and very large bodies.

The CANARY payloads set `window.__pwned` (or make the name exist, by DOM clobbering), so a
browser test can look for it as well as for dialogs: see tests/e2e/test_hostile_inputs.py.
"""

CANARY_GLOBAL = "__pwned"

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(\'x\')">',
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=`javascript:alert(1)`>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JAVASCRIPT:alert(1)">click</a>',
    '<a href="  javascript:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">tab</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">ent</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<div style="background:url(javascript:alert(1))">style</div>',
    '<div style="width: expression(alert(1))">ie</div>',
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="http://evil.example/">',
    '<form action="http://evil.example"><input name=p></form>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">CLICKME</math>',
    '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>X</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>#x\"/></svg>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1)//<</script>",
    "<script>document.cookie</script>",
    '<img src="x:x" onerror="eval(atob(\'YWxlcnQoMSk=\'))">',
    "<a href=# onmouseover=alert(1)>hover</a>",
    "<p onclick=alert(1)>click me</p>",
    "<div onpointerenter=alert(1)>enter</div>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<keygen autofocus onfocus=alert(1)>",
    '<table background="javascript:alert(1)">',
    "<button formaction=javascript:alert(1)>x</button>",
    '<img srcset="x 1x, javascript:alert(1) 2x">',
]

MARKDOWN = [
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox(1))",
    "![image](javascript:alert(1))",
    '![x](http://evil.example/x.png"onerror="alert(1))',
    '[x](http://example.org "title\\" onmouseover=\\"alert(1)")',
    "<javascript:alert(1)>",
    "[a](<javascript:alert(1)>)",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "```html\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
    "> <script>alert(1)</script>",
    "* <img src=x onerror=alert(1)>",
    "# <svg onload=alert(1)>",
    '[link](http://example.org/" onclick="alert(1))',
    "[x](&#106;avascript:alert(1))",
    "[x](java\nscript:alert(1))",
    "[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
    "***" * 500,
    "[" * 2000 + "]" * 2000,
    "> " * 1000 + "deep quote",
    "1. " * 500 + "deep list",
]

ENCODINGS = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",  # UTF-7
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",  # full-width brackets
    "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
    "null\u0000byte in the middle",
    "\u0000" * 10,
    "zero\u200bwidth\u200cjoiners\u200d\ufeffand BOM",
    "right-to-left \u202eevil.exe\u202c override",
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 isolates",
    "combining " + "e\u0301" * 200,
    "Zalgo t\u0336\u0337\u0338e\u0336\u0337x\u0338t\u0336" * 20,
    "emoji 👨‍👩‍👧‍👦🏳️‍🌈🧑🏽‍🍼 family",
    "surrogate-looking \\ud83d\\ude00 text",
    "line\rbreaks\r\nmixed\nhere\u2028and\u2029there",
    "tab\tand\u000bvertical\u000cfeed",
    "\u00a0\u2003\u3000 unusual spaces",
    "ＡＢＣ fullwidth and ﬁ ligature",
    "'; DROP TABLE questions_question; --",
    '" OR 1=1 --',
    "{{ 7*7 }} {% debug %} ${7*7} #{7*7}",
    "{% load static %}{{ settings.SECRET_KEY }}",
    "../../../../etc/passwd",
    "%00%0d%0aSet-Cookie:evil=1",
    "\r\nSet-Cookie: evil=1",
]

CANARY = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<svg/onload=window.__pwned=1>",
    "<svg><foreignObject><img src=x onerror=window.__pwned=1></foreignObject></svg>",
    "<svg><set attributeName=onload to=window.__pwned=1 /></svg>",
    "<svg><style><img src=x onerror=window.__pwned=1></style></svg>",
    '<math><maction actiontype="statusline" xlink:href="javascript:window.__pwned=1">x</maction></math>',
    '<math><mi xlink:href="data:x,<script>window.__pwned=1</script>">mi</mi></math>',
    "<math><annotation-xml encoding=text/html><img src=x onerror=window.__pwned=1></annotation-xml></math>",
    '<math><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=window.__pwned=1 src=1>">',
    '<img src="x" onerror="&#119;&#105;ndow.__pwned=1">',
    '<a id="__pwned" name="__pwned" href="#">DOM clobbering by id</a>',
    '<form id="__pwned"><input name="x"></form>',
    '<img name="__pwned" src="data:,">',
    '<iframe name="__pwned"></iframe>',
    "[canary](javascript:window.__pwned=1)",
    "<javascript:window.__pwned=1>",
    "\u0000<script>window.__pwned=1</script>",
    "[null](java\u0000script:window.__pwned=1)",
    "<scr\u200bipt>window.__pwned=1</scr\u200bipt>",
    '<a href="data:text/html,<script>parent.__pwned=1</script>">data link</a>',
    "[data](data:text/html,%3Cscript%3Eparent.__pwned=1%3C/script%3E)",
    '<object data="data:text/html,<script>parent.__pwned=1</script>"></object>',
]

INVISIBLE = [
    "\u200d" * 2000,  # zero-width joiners and nothing else
    "name\u200b\u200b\u200bwith\u2060word\u2060joiners\u180e",
    "\u202egnp.exe\u202c looks like an exe",
    "\u2067unclosed right-to-left isolate, and everything after it",
    "\u200fRLM\u200e LRM \u061c ALM marks",
    "Arabic \u0645\u0631\u062d\u0628\u0627 mixed with Hebrew \u05e9\u05dc\u05d5\u05dd text",
    "\u001b[31mANSI red\u001b[0m and \u0008backspace \u007f delete",
    "\u0085next line \u2028line separator \u2029paragraph separator",
    "\ufffe\uffff non-characters",
]

LAYOUT = [
    "A" * 5000,  # one unbroken word
    "https://example.org/" + "a" * 3000,
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">cover</div>',
    "<table><tr><td>" * 50,
    "</div></div></div></article></main>",
    "<h1>Huge heading</h1>",
    "|a|b|\n|-|-|\n" + "|x|y|\n" * 200,
    "W" * 200,  # a whole title-length word
    "<https://example.org/" + "b" * 3000 + ">",
    "`" + "c" * 3000 + "`",
    "```\n" + "d" * 3000 + "\n```",
    "    " + "e" * 3000,  # an indented code block
    "[" + "f" * 3000 + "](https://example.org/)",
]

LARGE = [
    ("1 MB body", "word " * (1024 * 1024 // 5)),
    ("1 MB of angle brackets", "<" * (1024 * 1024)),
    ("1 MB unbroken word", "x" * (1024 * 1024)),
]


def corpus() -> list[tuple[str, str]]:
    entries = []
    for group, items in (
        ("xss", XSS),
        ("markdown", MARKDOWN),
        ("encoding", ENCODINGS),
        ("canary", CANARY),
        ("invisible", INVISIBLE),
        ("layout", LAYOUT),
    ):
        entries += [(f"{group}-{n}", text) for n, text in enumerate(items)]
    entries += LARGE
    return entries


assert len(corpus()) >= 100, len(corpus())
