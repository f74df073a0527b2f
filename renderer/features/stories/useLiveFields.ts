import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SyncedField, SyncedFields } from '../../../shared/domain/storyDocShape';
import type { StoryDocBinding } from '../editor/collab/storyDocBinding';
import { fieldAuthor } from './fieldAuthor';
import { checkChanges } from './storySaver';

/** Someone else's value for the field this person is typing in, held off the screen until they choose. */
export interface OvertakenField {
  field: SyncedField;
  value: unknown;
  /** Who wrote it, when known. */
  by: string | null;
}

/**
 * A desk story's fields follow its doc: what another window or machine writes shows at once, except in the
 * field this person is typing in. There their text stays and is written again when they leave the field, so
 * the one who finished typing last wins that field (a Yjs map keeps one value per field); the other value is
 * offered beside it ("Use theirs") rather than merged letter by letter into a headline nobody wrote.
 */
export function useLiveFields(
  binding: StoryDocBinding | null,
  form: {
    /** Shows values from the doc in the form. */
    show(changes: Partial<SyncedFields>): void;
    /** The doc's value for what the form shows in `field` now. */
    valueOf(field: SyncedField): unknown;
  },
) {
  const typing = useRef<SyncedField | null>(null);
  const [overtaken, setOvertaken] = useState<OvertakenField | null>(null);
  const formRef = useRef(form);
  useEffect(() => {
    formRef.current = form;
  });

  useEffect(() => {
    if (!binding) return;
    const take = (changed: Partial<SyncedFields>, fromElsewhere = true) => {
      const shown: Partial<SyncedFields> = { ...changed };
      const field = typing.current;
      if (field && field in shown) {
        const value = shown[field];
        delete shown[field];
        if (fromElsewhere)
          setOvertaken(
            value === formRef.current.valueOf(field)
              ? null
              : { field, value, by: fieldAuthor(binding, field) },
          );
      }
      if (Object.keys(shown).length > 0) formRef.current.show(shown);
    };
    take(binding.fields, false);
    return binding.onFieldsFromElsewhere((changed) => take(changed));
  }, [binding]);

  /** The person left the field they typed in: what they typed is the field's value now. */
  const left = useCallback(() => {
    const field = typing.current;
    typing.current = null;
    setOvertaken(null);
    if (!field || !binding) return;
    const mine = formRef.current.valueOf(field);
    // A value the contract refuses stays in the form with its problem (the saver holds it), never in the doc.
    const { valid } = checkChanges({ [field]: mine });
    if (field in valid && binding.fields[field] !== mine) binding.writeFields(valid as Partial<SyncedFields>);
  }, [binding]);

  return useMemo(
    () => ({
      overtaken,
      /** Marks `field` as being typed in: values from elsewhere wait until the person leaves it. */
      typingIn(field: SyncedField) {
        typing.current = field;
      },
      left,
      /** "Use theirs": the other value replaces what this person typed. */
      takeTheirs() {
        if (!overtaken || !binding) return;
        typing.current = null;
        setOvertaken(null);
        binding.writeFields({ [overtaken.field]: overtaken.value });
        formRef.current.show({ [overtaken.field]: overtaken.value });
      },
    }),
    [overtaken, left, binding],
  );
}
