/** Whether the person is the story's author, compared as the library's author filter does (ignoring case). */
export const isAuthor = (author: string, person: string): boolean =>
  author !== '' && author.toLowerCase() === person.toLowerCase();
