import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../../shared/editor';

describe('cleanPastedHtml', () => {
  it.each([
    ['<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['<p>a<script type="x">if (a < b) document.write("</p>")</script>b</p>', '<p>ab</p>'],
    ['<style>p { color: red }</style><p>a</p>', '<p>a</p>'],
    ['<iframe src="https://evil.example/"></iframe><p>a</p>', '<p>a</p>'],
    ['<object data="x.swf"><param name="a" value="b"><embed src="x.swf"></object><p>a</p>', '<p>a</p>'],
    ['<meta charset="utf-8"><link rel="stylesheet" href="x.css"><p>a</p>', '<p>a</p>'],
    ['<!-- hidden --><p>a<!--StartFragment-->b</p>', '<p>ab</p>'],
    ['<p>a</p><!-- unterminated', '<p>a</p>'],
    ['<svg><script>alert(1)</script><text>t</text></svg><p>a</p>', '<p>a</p>'],
    ['<p>a<img src="https://tracker.example/p.gif?u=123" width="1" height="1">b</p>', '<p>ab</p>'],
    [
      '<figure><img src="https://news.example/photo.jpg"><figcaption>c</figcaption></figure>',
      '<figure><figcaption>c</figcaption></figure>',
    ],
    ['<p><img src="data:image/png;base64,AAAA">a</p>', '<p>a</p>'],
  ])('removes what never belongs in a story: %j', (input, expected) => {
    expect(cleanPastedHtml(input)).toBe(expected);
  });

  it('keeps an image of the media store, copied from another story', () => {
    const stored = `media/${'a'.repeat(64)}.png`;
    expect(cleanPastedHtml(`<figure><img src="${stored}" alt="Bridge"></figure>`)).toBe(
      `<figure><img src="${stored}" alt="Bridge"></figure>`,
    );
  });

  it('does not rebuild a script tag out of fragments', () => {
    expect(cleanPastedHtml('<scr<script>x</script>ipt>alert(1)</script>')).not.toMatch(/<script/i);
  });

  it('escapes a stray < and drops a tag that never closes, as browsers do', () => {
    expect(
      cleanPastedHtml('<p>1 < 2 and <img src=x onerror="alert(1)" title="unterminated</p><p>more</p>'),
    ).toBe('<p>1 &lt; 2 and </p>');
  });

  it('drops a long run of unterminated tags (its speed is measured in tests/bench/editor.bench.ts)', () => {
    expect(cleanPastedHtml('<p>x</p>' + '<a title="'.repeat(5_000))).toBe('<p>x</p>');
  });

  it('escapes markup inside the attribute values it keeps', () => {
    expect(cleanPastedHtml(`<a href='data:text/html,<script>"x"</script>'>z</a>`)).toBe(
      '<a href="data:text/html,&lt;script&gt;&quot;x&quot;&lt;/script&gt;">z</a>',
    );
  });

  it('strips event handlers and styles from the tags it keeps', () => {
    expect(
      cleanPastedHtml(
        '<p onclick="alert(1)" style="color:red" class="x"><a href="https://e.com" onmouseover=alert(2)>a</a></p>',
      ),
    ).toBe('<p class="x"><a href="https://e.com">a</a></p>');
  });

  it('unwraps the Google Docs wrapper so the whole paste is not bold', () => {
    expect(
      cleanPastedHtml(
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b-3c4d"><p dir="ltr">Hello <b>there</b></p></b>',
      ),
    ).toBe('<p dir="ltr">Hello <b>there</b></p>');
  });

  it('turns Google Docs span styles into strong, em, u and s', () => {
    expect(
      cleanPastedHtml(
        '<span style="font-weight:700;font-style:normal">B</span>' +
          '<span style="font-weight:400;font-style:italic">I</span>' +
          '<span style="font-weight: bold; font-style: italic">BI</span>' +
          '<span style="text-decoration:underline">U</span>' +
          '<span style="text-decoration:line-through">S</span>' +
          '<span style="font-weight:400">plain</span>',
      ),
    ).toBe('<strong>B</strong><em>I</em><strong><em>BI</em></strong><u>U</u><s>S</s>plain');
  });

  it('does not underline the text of a link, which Google Docs styles as underlined', () => {
    expect(
      cleanPastedHtml(
        '<a href="https://e.com"><span style="text-decoration:underline;color:#1155cc">link</span></a>',
      ),
    ).toBe('<a href="https://e.com">link</a>');
  });

  it('drops Word list bullets, conditional markup and o:p', () => {
    const word =
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>" +
      "<span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>" +
      '<![endif]>Item<o:p>&nbsp;</o:p></p>' +
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->' +
      '<p class=MsoNormal><!--[if !supportLists]-->1.<!--[endif]-->Second<o:p></o:p></p>' +
      '<p><st1:place>Brussels</st1:place></p>';
    expect(cleanPastedHtml(word)).toBe(
      '<p class="MsoListParagraph">Item</p><p class="MsoNormal">Second</p><p>Brussels</p>',
    );
  });

  it('turns tables, nested ones too, into blocks', () => {
    expect(
      cleanPastedHtml(
        '<table border=1><tbody><tr><td>A</td><td><table><tr><th>B</th></tr></table></td></tr></tbody></table>',
      ),
    ).toBe('<div><div><div><div>A</div><div><div><div><div>B</div></div></div></div></div></div></div>');
  });

  it('maps h1 to h2 and h4–h6 to h3', () => {
    expect(cleanPastedHtml('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h6>e</h6>')).toBe(
      '<h2>a</h2><h2>b</h2><h3>c</h3><h3>d</h3><h3>e</h3>',
    );
  });

  it('keeps the list style type of Google Docs lists', () => {
    expect(cleanPastedHtml('<ol><li style="list-style-type:lower-alpha;font-weight:700">a</li></ol>')).toBe(
      '<ol><li style="list-style-type:lower-alpha">a</li></ol>',
    );
  });

  it('closes what it renamed even when the paste leaves elements open', () => {
    expect(cleanPastedHtml('<h1><span style="font-weight:700">x')).toBe('<h2><strong>x</strong></h2>');
  });

  it('leaves text and entities alone', () => {
    expect(cleanPastedHtml('Fish &amp; chips &lt;3 — “quoted”')).toBe('Fish &amp; chips &lt;3 — “quoted”');
  });
});
