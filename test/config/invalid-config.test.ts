import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/config/index.ts';
import { expectConfigError, issueFor, VALID_YAML, validInput, type LooseConfig } from './helpers.ts';

/** Apply `mutate` to a fresh valid config and parse it as JSON text under the name keel.json. */
async function rejectMutation(mutate: (config: LooseConfig) => void): Promise<ConfigError> {
  const input = validInput();
  mutate(input);
  return expectConfigError(() => parseConfigText(JSON.stringify(input), 'keel.json'));
}

describe('ConfigError', () => {
  it('is marked expected and lists every issue on its own line, naming the file and the path', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints[1]!.maxParallel = 0;
      c.endpoints[0]!.timeouts = { idleMs: 'soon' };
    });
    expect(error.expected).toBe(true);
    expect(error.name).toBe('ConfigError');
    expect(error.source).toBe('keel.json');
    expect(error.message.split('\n').sort()).toEqual([
      'keel.json: endpoints[0].timeouts.idleMs: expected a number (got "soon")',
      'keel.json: endpoints[1].maxParallel: expected a number ≥ 1 (got 0)',
    ]);
  });
});

describe('schema violations name the bad field', () => {
  it('wrong types', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints[0]!.maxParallel = '4';
      c.endpoints[1]!.reachable = 'yes';
      c.policy = { spillover: 1, contextFraction: 1.5, breaker: { failureThreshold: 2.5 } };
    });
    expect(issueFor(error, 'endpoints[0].maxParallel').message).toBe('expected a number (got "4")');
    expect(issueFor(error, 'endpoints[1].reachable').message).toContain('true or false');
    expect(issueFor(error, 'policy.spillover').message).toContain('(got 1)');
    expect(issueFor(error, 'policy.contextFraction').message).toBe('expected a number ≤ 1 (got 1.5)');
    expect(issueFor(error, 'policy.breaker.failureThreshold').message).toContain('integer');
    expect(error.issues).toHaveLength(5);
  });

  it('unknown keys and typos, with a suggestion', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints[0]!.maxParalel = 2;
      c.endpoints[1]!.timeouts = { idle_ms: 5 };
      c.roles.tester = ['lan-a/m'];
      c.polcy = {};
    });
    expect(issueFor(error, 'endpoints[0].maxParalel').message).toBe(
      'unknown key (did you mean "maxParallel"?)',
    );
    expect(issueFor(error, 'endpoints[1].timeouts.idle_ms').message).toContain('did you mean "idleMs"');
    expect(issueFor(error, 'roles.tester').message).toContain('planner, coder, reviewer');
    expect(issueFor(error, 'polcy').message).toContain('did you mean "policy"');
  });

  it('missing required fields', async () => {
    const error = await rejectMutation((c) => {
      delete c.endpoints[2]!.url;
      delete c.endpoints[2]!.kind;
    });
    expect(issueFor(error, 'endpoints[2].url').message).toMatch(/http\(s\) URL.*\(missing\)$/);
    expect(issueFor(error, 'endpoints[2].kind').message).toBe('expected one of "local", "hosted" (missing)');
  });

  it('a bad URL', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints[0]!.url = 'ftp://10.0.0.2/v1';
      c.endpoints[1]!.url = 'not a url';
    });
    expect(issueFor(error, 'endpoints[0].url').message).toContain('(got "ftp://10.0.0.2/v1")');
    expect(issueFor(error, 'endpoints[1].url').message).toContain('http(s) URL');
  });

  it('a version other than 1', async () => {
    const error = await rejectMutation((c) => {
      c.version = 2;
    });
    expect(error.issues).toEqual([{ path: 'version', message: 'expected version: 1 (got 2)' }]);
  });

  it('bad chain entries, down to the entry inside a tier', async () => {
    const error = await rejectMutation((c) => {
      c.roles.coder = [['lan-a/m', 5], 'no-slash', 7, []];
    });
    expect(issueFor(error, 'roles.coder[0][1]').message).toBe('expected a string (got 5)');
    expect(issueFor(error, 'roles.coder[1]').message).toContain('expected "endpointId/model"');
    expect(issueFor(error, 'roles.coder[2]').message).toContain('or a list of them (got 7)');
    expect(issueFor(error, 'roles.coder[3]').message).toContain('at least one');
  });

  it('a top level that is not a mapping', async () => {
    const error = await expectConfigError(() => parseConfigText('- just\n- a list\n', 'keel.yml'));
    expect(error.issues).toEqual([
      { path: '', message: 'expected a mapping (key: value pairs) (got a list of 2 items)' },
    ]);
    const empty = await expectConfigError(() => parseConfigText('# nothing here\n', 'keel.yml'));
    expect(empty.message).toContain('the file is empty');
  });

  it('a refinement names the field and its value', async () => {
    const error = await rejectMutation((c) => {
      c.policy = { cooldown: { baseMs: 5_000, maxMs: 10 } };
    });
    expect(error.issues).toEqual([
      { path: 'policy.cooldown.maxMs', message: 'maxMs must be at least baseMs (got 10)' },
    ]);
  });
});

describe('cross-field rules', () => {
  it('an unknown endpoint in a chain, with the declared ones', async () => {
    const error = await rejectMutation((c) => {
      c.roles.coder = [['lan-a/m', 'lan-c/m'], 'lan-z/x'];
      c.endpoints.splice(2, 1);
      c.roles.reviewer = ['lan-b/m'];
    });
    expect(issueFor(error, 'roles.coder[0][1]').message).toBe(
      'unknown endpoint "lan-c" (declared: lan-a, lan-b)',
    );
    expect(issueFor(error, 'roles.coder[1]').message).toBe(
      'unknown endpoint "lan-z" (declared: lan-a, lan-b)',
    );
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain(
      'keel.json: roles.coder[0][1]: unknown endpoint "lan-c" (declared: lan-a, lan-b)',
    );
  });

  it('duplicate endpoint ids', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints.push({ id: 'lan-a', url: 'http://10.0.0.9/v1', kind: 'local' });
    });
    expect(error.issues).toEqual([
      { path: 'endpoints[3].id', message: 'duplicate endpoint id "lan-a" (first declared at endpoints[0])' },
    ]);
  });

  it('the same candidate twice in one chain', async () => {
    const error = await rejectMutation((c) => {
      c.roles.coder = [['lan-a/m', 'lan-b/m'], 'lan-a/m'];
      c.roles.reviewer = ['lan-a/m']; // other roles may reuse it
    });
    expect(error.issues).toEqual([
      { path: 'roles.coder[1]', message: '"lan-a/m" already appears in this chain at roles.coder[0][0]' },
    ]);
  });

  it('no role at all', async () => {
    const error = await rejectMutation((c) => {
      c.roles = {};
    });
    expect(error.issues).toEqual([
      { path: 'roles', message: 'declare at least one role (planner, coder, reviewer)' },
    ]);
  });

  it('schema and cross-field issues come together', async () => {
    const error = await rejectMutation((c) => {
      c.endpoints[0]!.kind = 'lan';
      c.roles.coder = ['nowhere/m'];
    });
    expect(error.issues.map((i) => i.path).sort()).toEqual(['endpoints[0].kind', 'roles.coder[0]']);
  });
});

describe('syntax errors', () => {
  it('YAML errors carry line and column', async () => {
    const broken = VALID_YAML.replace(
      '    kind: local\n  - id: lan-b',
      '    kind: local: oops\n  - id: lan-b',
    );
    const error = await expectConfigError(() => parseConfigText(broken, '.github/keel.yml'));
    const [first] = error.issues;
    expect(first?.line).toBe(5);
    expect(first?.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/^\.github\/keel\.yml:5:\d+: YAML syntax error: /);
  });

  it('duplicate YAML keys are an error, not a silent overwrite', async () => {
    const error = await expectConfigError(() => parseConfigText('version: 1\nversion: 1\n', 'keel.yml'));
    expect(error.issues[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('JSON errors carry line and column when the parser gives a position', async () => {
    const error = await expectConfigError(() => parseConfigText('{\n  "version": 1,\n}\n', 'keel.json'));
    expect(error.issues[0]).toMatchObject({ path: '', line: 3, column: 1 });
    expect(error.message).toMatch(/^keel\.json:3:1: JSON syntax error/);
  });

  it('a .yml file is YAML even when it looks like JSON', async () => {
    expect(parseConfigText(JSON.stringify(validInput()), 'keel.yml').endpoints).toHaveLength(3);
  });
});

describe('prototype pollution', () => {
  it('rejects __proto__, constructor and prototype keys with their paths', async () => {
    const text = JSON.stringify(validInput()).replaceAll(
      '"kind":"local"',
      '"kind":"local","__proto__":{"polluted":true},"constructor":1',
    );
    const error = await expectConfigError(() => parseConfigText(text, 'keel.json'));
    expect(error.issues.map((i) => i.path)).toEqual([
      'endpoints[0].__proto__',
      'endpoints[0].constructor',
      'endpoints[1].__proto__',
      'endpoints[1].constructor',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const yaml = await expectConfigError(() =>
      parseConfigText(`${VALID_YAML}policy:\n  prototype: {}\n`, 'keel.yml'),
    );
    expect(yaml.issues.map((i) => i.path)).toEqual(['policy.prototype']);
  });

  it('rejects recursive aliases instead of recursing forever', async () => {
    const error = await expectConfigError(() =>
      parseConfigText(`${VALID_YAML}policy: &p { probe: *p }\n`, 'keel.yml'),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['policy.probe']);
  });
});
