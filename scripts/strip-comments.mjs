// Takes the comments and indentation out of one of the page's own scripts (web/boot.js, web/sim-worker.js) for the
// byte budget: they are half of boot.js's compressed size. Not a minifier: strings, regular expressions and every
// token stay as written, and line breaks stay, so automatic semicolons fall where they did. Knows JavaScript's
// lexical grammar only as far as our scripts use it: no template literal may span lines or hold a substitution, and a '/'
// starts a regular expression after an operator, an opening bracket or a keyword such as `return`.
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete',
  'void', 'throw', 'instanceof', 'yield', 'await']);

export function stripComments(src, name = 'script') {
  let out = '', i = 0, regexAllowed = true;
  const fail = (what) => {
    const line = src.slice(0, i).split('\n').length;
    throw new Error(`${name}:${line}: ${what}`);
  };
  while (i < src.length) {
    const c = src[i], next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      out += src.slice(i, end + 2).includes('\n') ? '\n' : ' ';
      i = end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      for (; j < src.length && src[j] !== c; j++) {
        if (src[j] === '\\') j++;
        else if (src[j] === '\n') fail('a string or template literal across lines');
        else if (c === '`' && src[j] === '$' && src[j + 1] === '{') fail('a template literal with a substitution');
      }
      if (j >= src.length) fail('unterminated string');
      out += src.slice(i, j + 1);
      i = j + 1;
      regexAllowed = false;
    } else if (c === '/' && regexAllowed) {
      let j = i + 1, inClass = false;
      for (; j < src.length; j++) {
        const ch = src[j];
        if (ch === '\\') j++;
        else if (ch === '\n') fail('unterminated regular expression');
        else if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        else if (ch === '/' && !inClass) break;
      }
      j++;
      while (j < src.length && /[a-z]/.test(src[j])) j++;
      out += src.slice(i, j);
      i = j;
      regexAllowed = false;
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_$]/.test(src[j])) j++;
      const word = src.slice(i, j);
      out += word;
      i = j;
      regexAllowed = KEYWORDS_BEFORE_EXPRESSION.has(word);
    } else {
      out += c;
      i++;
      if (!/\s/.test(c)) regexAllowed = !/[)\]}.]/.test(c);
    }
  }
  // Indentation and blank lines: no string or template spans a line, so every line start is between tokens.
  return out.split('\n').map((line) => line.trim()).filter((line) => line).join('\n') + '\n';
}
