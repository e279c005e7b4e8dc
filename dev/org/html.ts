/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Wraps a body in a minimal, self-contained HTML page (no external fonts or scripts). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:48px 16px;color:#1d1d21}
main{max-width:360px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
label{display:block;margin:16px 0 4px;font-weight:600}
input{box-sizing:border-box;width:100%;padding:8px;font-size:16px;border:1px solid #8c8c96;border-radius:4px}
button{margin-top:24px;width:100%;padding:10px;font-size:16px;background:#0056b3;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#b00020;background:#fdecee;padding:8px;border-radius:4px}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
