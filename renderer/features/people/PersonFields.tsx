import type { Role } from '../../../shared/domain/person';
import { LIMITS } from '../../components/fieldLimits';

/** The "Name" and "Role" fields of a new person. */
export function PersonFields(props: {
  name: string;
  role: Role;
  onName(name: string): void;
  onRole(role: Role): void;
}) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input
          value={props.name}
          onChange={(event) => props.onName(event.target.value)}
          autoComplete="name"
          autoFocus
          required
          maxLength={LIMITS.personName}
        />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={props.role} onChange={(event) => props.onRole(event.target.value as Role)}>
          <option value="reporter">Reporter</option>
          <option value="editor">Editor</option>
        </select>
      </label>
    </>
  );
}
