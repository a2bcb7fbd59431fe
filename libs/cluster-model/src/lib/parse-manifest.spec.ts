import { parseManifestText } from './parse-manifest';
import { dedent } from '../../test/read-manifest';

const kindsOf = (text: string): string[] =>
  parseManifestText(dedent(text), 'f.yaml').objects.map((o) => (o.obj as { kind: string }).kind);

describe('parseManifestText', () => {
  it.each([
    [
      'multi-document YAML, skipping empty and comment-only documents',
      `
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: a}
      ---
      # nothing here
      ---
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      `,
      ['Namespace', 'Pod'],
    ],
    [
      'a single JSON object',
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}}',
      ['Service'],
    ],
    [
      'a JSON List, as kubectl get -o json prints it',
      '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}},{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}]}',
      ['Pod', 'Deployment'],
    ],
    [
      'a kind: List, as kubectl get ns,pods,netpol -A -o yaml prints it',
      `
      apiVersion: v1
      kind: List
      metadata: {resourceVersion: ""}
      items:
      - apiVersion: v1
        kind: Namespace
        metadata: {name: x}
      - apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: x}
        spec: {podSelector: {}}
      `,
      ['Namespace', 'NetworkPolicy'],
    ],
    ['empty text', '', []],
    ['only comments', '# nothing\n# at all\n', []],
    [
      'JSON with tabs for indentation',
      '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "p"}\n}',
      ['Pod'],
    ],
  ])('reads %s', (_name, text, kinds) => {
    expect(kindsOf(text)).toEqual(kinds);
  });

  it('gives items of a typed list (PodList from the API) their kind and apiVersion', () => {
    const { objects, problems } = parseManifestText(
      dedent(`
      apiVersion: v1
      kind: PodList
      items:
      - metadata: {name: a, namespace: n}
      - metadata: {name: b, namespace: n}
      `),
      'pods.yaml',
    );
    expect(problems).toEqual([]);
    expect(objects).toEqual([
      {
        obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'n' } },
        source: { file: 'pods.yaml', document: 0, item: 0 },
      },
      {
        obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'n' } },
        source: { file: 'pods.yaml', document: 0, item: 1 },
      },
    ]);
  });

  it('records the file and the document index of every object', () => {
    const { objects } = parseManifestText('kind: A\n---\n---\nkind: B\n', 'two.yaml');
    expect(objects.map((o) => o.source)).toEqual([
      { file: 'two.yaml', document: 0 },
      { file: 'two.yaml', document: 2 },
    ]);
  });

  it('reports a YAML syntax error with its line, and still reads the other documents', () => {
    const text = dedent(`
      kind: Namespace
      metadata: {name: ok}
      ---
      kind: Pod
      metadata:
        name: x
         labels: {}
      `);
    const { objects, problems } = parseManifestText(text, 'broken.yaml');
    expect(objects).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('broken.yaml');
    expect(problems[0]?.message).toMatch(/^syntax error at line 6, column \d+: /);
    expect(problems[0]?.message).not.toContain('\n');
  });

  it('reports malformed JSON with a line number', () => {
    const { objects, problems } = parseManifestText(
      '{\n  "kind": "Pod",\n  "metadata": {"name": "p"\n}\n',
      'bad.json',
    );
    expect(objects).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'bad.json',
      message: expect.stringMatching(/line \d+/),
    });
  });

  it.each([
    [
      'a scalar document',
      'kind: Pod\nmetadata: {name: a}\n---\njust text\n',
      'document 1 is not a Kubernetes object',
      undefined,
    ],
    ['a sequence document', '- a\n- b\n', 'document 0 is not a Kubernetes object', undefined],
    [
      'a mapping without kind',
      'apiVersion: v1\nmetadata: {name: a}\n',
      'document 0 has no "kind"',
      'kind',
    ],
    [
      'a List item without kind',
      'kind: List\nitems:\n- kind: Pod\n- metadata: {name: x}\n',
      'document 0, item 1 has no "kind"',
      'items[1].kind',
    ],
    [
      'a List item that is not a mapping',
      'kind: List\nitems:\n- 42\n',
      'document 0, item 0 is not a Kubernetes object',
      'items[0]',
    ],
  ])('reports %s, naming the file and document', (_name, text, message, field) => {
    const { problems } = parseManifestText(text, 'x.yaml');
    expect(problems).toEqual([
      {
        file: 'x.yaml',
        ...(field !== undefined && { field }),
        message: expect.stringContaining(message),
      },
    ]);
  });

  it('refuses to expand an alias bomb, and says so', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'kind: ConfigMap',
    ].join('\n');
    const { objects, problems } = parseManifestText(`kind: Pod\n---\n${bomb}\n`, 'bomb.yaml');
    expect(objects).toHaveLength(1);
    expect(problems).toEqual([
      { file: 'bomb.yaml', message: expect.stringContaining('document 1 cannot be read') },
    ]);
  });

  it('does not need a file name', () => {
    const { objects, problems } = parseManifestText('kind: Pod\n');
    expect(problems).toEqual([]);
    expect(objects[0]?.source).toStrictEqual({ document: 0 });
  });
});
