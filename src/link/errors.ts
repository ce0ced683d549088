// Link errors, worded as GNU ld words them ("undefined reference to `foo'", "multiple definition
// of `foo'", "relocation truncated to fit"). One error per problem; the linker collects them all.

export class LinkError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'));
    this.name = 'LinkError';
  }
}
