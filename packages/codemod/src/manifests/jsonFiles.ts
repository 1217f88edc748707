import { jsonText, type Session, warn } from '../compute/session.js';

/**
 * Edit a JSON file of the footprint through `edit` (text -> text). A file outside the footprint is
 * never written: the change is reported as a warning for a person to make.
 */
export function editJson(session: Session, file: string, what: string, edit: (text: string) => string): boolean {
  if (!session.footprint.has(file)) {
    warn(session, `${file}: ${what} is needed but the file is outside the move's footprint; make that change by hand`);
    return false;
  }
  const text = jsonText(session, file);
  if (text === undefined) {
    warn(session, `${file}: cannot read it, so ${what} was not made`);
    return false;
  }
  try {
    session.json.set(file, edit(text));
    return true;
  } catch (error) {
    warn(session, `${file}: ${what} was not made (${(error as Error).message})`);
    return false;
  }
}
