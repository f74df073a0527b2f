import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteInChromium } from '../../support/pasteInChromium';

let chromium: Awaited<ReturnType<typeof pasteInChromium>>;
beforeAll(async () => {
  chromium = await pasteInChromium();
});
afterAll(() => chromium.close());

const pasteToHtml = async (html: string) => (await chromium.paste([html]))[0];

describe('pasted HTML, parsed by the story schema in Chromium', () => {
  it.each([
    ['<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p>\n<p>b</p>'],
    ['<p>a<script type="x">if (a < b) document.write("</p>")</script>b</p>', '<p>ab</p>'],
    ['<style>p { color: red }</style><p>a</p>', '<p>a</p>'],
    ['<iframe src="https://evil.example/"></iframe><p>a</p>', '<p>a</p>'],
    ['<object data="x.swf"><param name="a" value="b"><embed src="x.swf"></object><p>a</p>', '<p>a</p>'],
    ['<meta charset="utf-8"><link rel="stylesheet" href="x.css"><p>a</p>', '<p>a</p>'],
    ['<!-- hidden --><p>a<!--StartFragment-->b</p>', '<p>ab</p>'],
    ['<p>a</p><!-- unterminated', '<p>a</p>'],
    ['<svg><script>alert(1)</script><text>t</text></svg><p>a</p>', '<p>a</p>'],
    ['<p>a<img src="https://tracker.example/p.gif?u=123" width="1" height="1">b</p>', '<p>ab</p>'],
    ['<figure><img src="https://news.example/photo.jpg"><figcaption>c</figcaption></figure>', '<p>c</p>'],
    ['<p><img src="data:image/png;base64,AAAA">a</p>', '<p>a</p>'],
    [
      '<form><input value="hi"><button onclick="x()">Btn</button><select><option>o</option></select></form>',
      '',
    ],
  ])('removes what never belongs in a story: %j', async (input, expected) => {
    expect(await pasteToHtml(input)).toBe(expected);
  });

  it('keeps an image of the media store, copied from another story', async () => {
    const stored = `media/${'a'.repeat(64)}.png`;
    expect(await pasteToHtml(`<figure><img src="${stored}" alt="Bridge"></figure>`)).toBe(
      `<figure><img src="${stored}" alt="Bridge"></figure>`,
    );
  });

  it('does not rebuild a script tag out of fragments', async () => {
    expect(await pasteToHtml('<scr<script>x</script>ipt>alert(1)</script>')).not.toMatch(/<script/i);
  });

  it('reads a stray < as text and drops a tag that never closes, as browsers do', async () => {
    expect(
      await pasteToHtml('<p>1 < 2 and <img src=x onerror="alert(1)" title="unterminated</p><p>more</p>'),
    ).toBe('<p>1 &lt; 2 and</p>');
  });

  it('drops a long run of unterminated tags', async () => {
    expect(await pasteToHtml('<p>x</p>' + '<a title="'.repeat(5_000))).toBe('<p>x</p>');
  });

  it('drops a link to a data: URL and keeps its text', async () => {
    expect(await pasteToHtml(`<a href='data:text/html,<script>"x"</script>'>z</a>`)).toBe('<p>z</p>');
  });

  it('keeps no event handler, style or class of the elements it keeps', async () => {
    expect(
      await pasteToHtml(
        '<p onclick="alert(1)" style="color:red" class="x"><a href="https://e.com" onmouseover=alert(2)>a</a></p>',
      ),
    ).toBe('<p><a href="https://e.com" rel="noopener noreferrer">a</a></p>');
  });

  it('unwraps the Google Docs wrapper so the whole paste is not bold', async () => {
    expect(
      await pasteToHtml(
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b-3c4d"><p dir="ltr">Hello <b>there</b></p></b>',
      ),
    ).toBe('<p>Hello <strong>there</strong></p>');
  });

  it('turns Google Docs span styles into bold, italic, underline and strike', async () => {
    expect(
      await pasteToHtml(
        '<p><span style="font-weight:700;font-style:normal">B</span>' +
          '<span style="font-weight:400;font-style:italic">I</span>' +
          '<span style="font-weight: bold; font-style: italic">BI</span>' +
          '<span style="text-decoration:underline">U</span>' +
          '<span style="text-decoration:line-through">S</span>' +
          '<span style="font-weight:400">plain</span></p>',
      ),
    ).toBe('<p><strong>B</strong><em>I</em><strong><em>BI</em></strong><u>U</u><s>S</s>plain</p>');
  });

  it('does not underline the text of a link, which Google Docs styles as underlined', async () => {
    expect(
      await pasteToHtml(
        '<a href="https://e.com"><span style="text-decoration:underline;color:#1155cc">link</span></a>',
      ),
    ).toBe('<p><a href="https://e.com" rel="noopener noreferrer">link</a></p>');
  });

  it('drops Word list bullets, conditional markup and o:p', async () => {
    const word =
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>" +
      "<span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>" +
      '<![endif]>Item<o:p>&nbsp;</o:p></p>' +
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->' +
      '<p class=MsoNormal><!--[if !supportLists]-->1.<!--[endif]-->Second<o:p></o:p></p>' +
      '<p><st1:place>Brussels</st1:place></p>';
    expect(await pasteToHtml(word)).toBe('<p>Item</p>\n<p>Second</p>\n<p>Brussels</p>');
  });

  it('turns the cells of tables, nested ones too, into paragraphs', async () => {
    expect(
      await pasteToHtml(
        '<table border=1><tbody><tr><td>A</td><td><table><tr><th>B</th><td>C <b>D</b></td></tr></table></td></tr></tbody></table>',
      ),
    ).toBe('<p>A</p>\n<p>B</p>\n<p>C <strong>D</strong></p>');
  });

  it('maps h1 to h2 and h4–h6 to h3', async () => {
    expect(await pasteToHtml('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h6>e</h6>')).toBe(
      '<h2>a</h2>\n<h2>b</h2>\n<h3>c</h3>\n<h3>d</h3>\n<h3>e</h3>',
    );
  });

  it('keeps the numbering of Google Docs lists, and no other style', async () => {
    expect(
      await pasteToHtml('<ol start="3"><li style="list-style-type:lower-alpha"><p>a</p></li></ol>'),
    ).toBe('<ol start="3" type="a"><li><p>a</p></li></ol>');
  });

  it('gives a list a sane start and type whatever the paste says', async () => {
    expect(await pasteToHtml('<ol start="x" type="javascript:alert(1)"><li>a</li></ol>')).toBe(
      '<ol><li><p>a</p></li></ol>',
    );
  });

  it('closes what the paste leaves open', async () => {
    expect(await pasteToHtml('<h1><span style="font-weight:700">x')).toBe('<h2><strong>x</strong></h2>');
  });

  it('leaves text and entities alone', async () => {
    expect(await pasteToHtml('Fish &amp; chips &lt;3 — “quoted”')).toBe(
      '<p>Fish &amp; chips &lt;3 — “quoted”</p>',
    );
  });
});
