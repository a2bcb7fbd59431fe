/** Selects the list filters share; a value from the URL that is not among the options is kept. */

function withCurrent<T extends string | number>(
  options: readonly T[],
  current: T | undefined,
): T[] {
  return current !== undefined && current !== '' && !options.includes(current)
    ? [current, ...options]
    : [...options];
}

/** `name="namespace"`: every namespace (`anyLabel`), or one. */
export function NamespaceSelect({
  id,
  namespaces,
  value,
  anyLabel = 'All namespaces',
}: {
  readonly id: string;
  readonly namespaces: readonly string[];
  readonly value: string | undefined;
  readonly anyLabel?: string;
}) {
  return (
    <select id={id} name="namespace" defaultValue={value ?? ''}>
      <option value="">{anyLabel}</option>
      {withCurrent(namespaces, value).map((ns) => (
        <option key={ns} value={ns}>
          {ns}
        </option>
      ))}
    </select>
  );
}

/** `name="limit"`: rows per page. */
export function PageSizeSelect({
  id,
  sizes,
  value,
}: {
  readonly id: string;
  readonly sizes: readonly number[];
  readonly value: number;
}) {
  return (
    <select id={id} name="limit" defaultValue={String(value)}>
      {withCurrent(sizes, value).map((size) => (
        <option key={size} value={size}>
          {size}
        </option>
      ))}
    </select>
  );
}
