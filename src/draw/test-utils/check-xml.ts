/**
 * A minimal XML well-formedness check for tests (Node has no DOM): one root element, properly nested and
 * closed tags, quoted and unique attributes, no raw `<` or stray `&` in text or attribute values, and
 * comments / processing instructions / CDATA closed. Returns the problems found (empty when well-formed).
 */
export function checkXml(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_:]/.test(c);
  const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_:.-]/.test(c);
  const readName = (): string => {
    const start = i;
    if (!isNameStart(xml[i])) return "";
    while (isNameChar(xml[i])) i++;
    return xml.slice(start, i);
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const checkEntities = (text: string, where: string) => {
    for (let k = text.indexOf("&"); k >= 0; k = text.indexOf("&", k + 1))
      if (!/^&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);/.test(text.slice(k))) problems.push(`stray & in ${where}`);
  };
  const skipPast = (end: string, what: string) => {
    const k = xml.indexOf(end, i);
    if (k < 0) {
      problems.push(`unclosed ${what}`);
      i = xml.length;
    } else i = k + end.length;
  };
  while (i < xml.length) {
    if (xml[i] !== "<") {
      const k = xml.indexOf("<", i);
      const text = xml.slice(i, k < 0 ? xml.length : k);
      if (stack.length === 0 && text.trim())
        problems.push(`text outside the root element: ${JSON.stringify(text.trim().slice(0, 20))}`);
      checkEntities(text, "text");
      i = k < 0 ? xml.length : k;
      continue;
    }
    if (xml.startsWith("<!--", i)) skipPast("-->", "comment");
    else if (xml.startsWith("<![CDATA[", i)) skipPast("]]>", "CDATA section");
    else if (xml.startsWith("<?", i)) skipPast("?>", "processing instruction");
    else if (xml.startsWith("<!", i)) skipPast(">", "declaration");
    else if (xml.startsWith("</", i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== ">") problems.push(`bad end tag </${name}`);
      i++;
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else {
      i++;
      const name = readName();
      if (!name) {
        problems.push(`raw < at ${i - 1}`);
        continue;
      }
      if (stack.length === 0 && roots++ > 0) problems.push(`second root element <${name}>`);
      const seen = new Set<string>();
      for (;;) {
        skipSpace();
        if (xml.startsWith("/>", i)) {
          i += 2;
          break;
        }
        if (xml[i] === ">") {
          i++;
          stack.push(name);
          break;
        }
        const attr = readName();
        if (!attr) {
          problems.push(`bad attribute syntax in <${name}> at ${i}`);
          i = xml.length;
          break;
        }
        if (seen.has(attr)) problems.push(`duplicate attribute ${attr} in <${name}>`);
        seen.add(attr);
        skipSpace();
        if (xml[i] !== "=") problems.push(`attribute ${attr} of <${name}> has no value`);
        i++;
        skipSpace();
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") {
          problems.push(`unquoted attribute ${attr} in <${name}>`);
          i = xml.length;
          break;
        }
        const end = xml.indexOf(quote, i + 1);
        if (end < 0) {
          problems.push(`unterminated attribute ${attr} in <${name}>`);
          i = xml.length;
          break;
        }
        const value = xml.slice(i + 1, end);
        if (value.includes("<")) problems.push(`raw < in attribute ${attr} of <${name}>`);
        checkEntities(value, `attribute ${attr}`);
        i = end + 1;
      }
    }
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(" > ")}`);
  if (roots === 0) problems.push("no root element");
  return problems;
}
