import { benchOptions, DEFAULT_SIZES, parseFlags, parseSizes } from './args';

describe('parseSizes', () => {
  it('reads pods:policies:namespaces with an optional plugin', () => {
    expect(parseSizes('1000:100:20,150_000:10000:2000:cilium 150000:10000:2000:calico')).toEqual([
      { pods: 1000, policies: 100, namespaces: 20 },
      { pods: 150_000, policies: 10_000, namespaces: 2000, cni: 'cilium' },
      { pods: 150_000, policies: 10_000, namespaces: 2000, cni: 'calico' },
    ]);
  });

  it('refuses a plugin it cannot write for', () => {
    expect(() => parseSizes('1000:100:20:flannel')).toThrow(/generic, cilium, calico/);
    expect(() => parseSizes('1000:100')).toThrow(/pods:policies:namespaces\[:cni\]/);
  });
});

describe('parseFlags', () => {
  it('takes back the comma-separated list Nx splits into words', () => {
    const flags = parseFlags(['--sizes=1000:100:20:cilium', '1000:100:20:calico', '--repeat=1']);
    expect(benchOptions(flags)).toMatchObject({
      sizes: [
        { pods: 1000, policies: 100, namespaces: 20, cni: 'cilium' },
        { pods: 1000, policies: 100, namespaces: 20, cni: 'calico' },
      ],
      repeat: 1,
    });
    expect(() => parseFlags(['1000:100:20'])).toThrow(/unexpected argument/);
  });

  it('runs the 150,000-pod cluster for every plugin by default', () => {
    expect(benchOptions(new Map()).sizes).toBe(DEFAULT_SIZES);
    expect(DEFAULT_SIZES.filter((s) => s.pods === 150_000).map((s) => s.cni ?? 'generic')).toEqual(['generic', 'cilium', 'calico']);
  });
});
