// A modal's file_input on submission: the files a person chose, as Slack's client sends and checks them.

type Obj = Record<string, unknown>;

/** A file_input's state: the files the person chose (uploaded first), checked as Slack's client checks them. */
export function fileInputValue(
  el: Obj,
  label: string,
  value: string | readonly string[] | null,
  required: boolean,
  fileOf: (id: string) => Obj | undefined,
  problems: string[],
): Obj {
  const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const files = ids.flatMap((id: string) => {
    const file = fileOf(id);
    if (!file) problems.push(`${label}: no uploaded file ${id}`);
    return file ? [file] : [];
  });
  const maxFiles = typeof el.max_files === 'number' ? el.max_files : 10;
  if (files.length > maxFiles) problems.push(`${label} takes at most ${maxFiles} files`);
  const types = Array.isArray(el.filetypes) ? (el.filetypes as string[]) : [];
  for (const file of files) {
    const name = String(file.name ?? '');
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    if (types.length > 0 && !types.includes(extension))
      problems.push(`${label} does not take .${extension} files`);
  }
  if (required && files.length === 0) problems.push(`${label} is required but no file is chosen`);
  return { type: 'file_input', files };
}
