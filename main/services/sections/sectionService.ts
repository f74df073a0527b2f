import type { Section } from '../../../shared/domain/section';
import { slugify } from '../../../shared/domain/slug';
import { AppError } from '../../../shared/ipc/errors';
import type { sectionQueries } from '../../db/queries/sectionQueries';

type SectionQueries = ReturnType<typeof sectionQueries>;

/** Sections: the desk's list, created, renamed and put in order. Ids never change, so stories keep theirs. */
export function createSectionService({ queries, now }: { queries: SectionQueries; now: () => Date }) {
  const refuseDuplicate = (name: string, except?: string) => {
    const other = queries.byName(name);
    if (other && other.id !== except) {
      throw new AppError('conflict', `There is already a section called "${other.name}"`);
    }
  };
  const mustGet = (id: string): Section => {
    const section = queries.get(id);
    if (!section) throw new AppError('not-found', `No section with id ${id}`);
    return section;
  };

  return {
    list: (): Section[] => queries.list(),

    create(name: string): Section {
      return queries.transaction(() => {
        refuseDuplicate(name);
        const base = slugify(name).slice(0, 56) || 'section';
        let id = base;
        for (let n = 2; queries.get(id); n++) id = `${base}-${n}`;
        queries.insert({ id, name, position: queries.nextPosition() }, now().getTime());
        return mustGet(id);
      });
    },

    rename(id: string, name: string): Section {
      return queries.transaction(() => {
        mustGet(id);
        refuseDuplicate(name, id);
        queries.rename(id, name);
        return mustGet(id);
      });
    },

    /** Puts the sections in the order of `ids`, which must name every section exactly once. */
    reorder(ids: string[]): Section[] {
      return queries.transaction(() => {
        const known = queries.list().map((section) => section.id);
        const given = new Set(ids);
        if (given.size !== ids.length || given.size !== known.length || !known.every((id) => given.has(id))) {
          throw new AppError('invalid-input', 'List every section exactly once to set their order');
        }
        ids.forEach((id, position) => queries.setPosition(id, position));
        return queries.list();
      });
    },
  };
}

export type SectionService = ReturnType<typeof createSectionService>;
