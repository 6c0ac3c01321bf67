import { describe, expect, it } from 'vitest';
import { ConfigError, configJsonSchema, loadConfig, parseConfigText } from '../../src/config/index.ts';
import { redact } from '../../src/base/secrets.ts';
import { detectSecret, isSecretKeyName } from '../../src/config/secrets.ts';
import { expectConfigError, VALID_YAML, validInput, type LooseConfig } from './helpers.ts';

/** A value that must never be printed back; each secret below embeds it. */
const CANARY = 'Zq9CANARYx7Lm2Pw4Rt8Kd';

const SECRET_VALUES: Record<string, string> = {
  openai: `sk-${CANARY}abcdefghijklmnop`,
  'openai project': `sk-proj-${CANARY}_abcdefghijkl`,
  anthropic: `sk-ant-api03-${CANARY}-abcdefgh`,
  openrouter: `sk-or-v1-${CANARY}0123456789abcdef`,
  google: `AIzaSy${CANARY}abcdefghijk`,
  'github ghp': `ghp_${CANARY}abcdefghijklmn`,
  'github gho': `gho_${CANARY}abcdefghijklmn`,
  'github ghs': `ghs_${CANARY}abcdefghijklmn`,
  'github fine-grained': `github_pat_11AB${CANARY}_xyz0123456789`,
  huggingface: `hf_${CANARY}abcdefghijklmnop`,
  groq: `gsk_${CANARY}abcdefghijklmnop`,
  slack: `xoxb-1234-${CANARY}`,
  bearer: `Bearer ${CANARY}`,
  'url with user and password': `https://bob:${CANARY}@api.example.com/v1`,
  'url with a token as user': `https://${CANARY}@api.example.com/v1`,
  'url with a key in the query': `https://api.example.com/v1?api_key=${CANARY}`,
};

function expectNoLeak(error: ConfigError): void {
  const everything = [error.message, error.stack ?? '', JSON.stringify(error.issues), String(error)].join(
    '\n',
  );
  expect(everything).not.toContain(CANARY);
}

async function rejectWith(mutate: (config: LooseConfig) => void, format: 'json' | 'yaml' = 'json') {
  const input = validInput();
  mutate(input);
  const text = format === 'json' ? JSON.stringify(input) : toYaml(input);
  const error = await expectConfigError(() =>
    parseConfigText(text, format === 'json' ? 'keel.json' : 'keel.yml'),
  );
  expectNoLeak(error);
  return error;
}

/** JSON is YAML; a flow-style document keeps the test independent of the yaml package's writer. */
function toYaml(input: unknown): string {
  return `# written as YAML\n${JSON.stringify(input, null, 2)}\n`;
}

describe('literal secrets', () => {
  for (const [kind, secret] of Object.entries(SECRET_VALUES)) {
    it(`rejects ${kind} in apiKeyEnv without echoing it`, async () => {
      const error = await rejectWith((c) => {
        c.endpoints[2]!.apiKeyEnv = secret;
      });
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]?.path).toBe('endpoints[2].apiKeyEnv');
      expect(error.message).toContain('apiKeyEnv to the NAME');
    });

    it(`rejects ${kind} anywhere else in the file, in YAML too`, async () => {
      const error = await rejectWith((c) => {
        c.roles.coder = [['lan-a/m', secret]];
      }, 'yaml');
      expect(error.issues.map((i) => i.path)).toEqual(['roles.coder[0][1]']);
    });
  }

  for (const key of [
    'apiKey',
    'api_key',
    'key',
    'token',
    'secret',
    'password',
    'authorization',
    'Authorization',
  ]) {
    it(`rejects a string under "${key}" however harmless it looks`, async () => {
      const error = await rejectWith((c) => {
        c.endpoints[1]![key] = `hunter2-${CANARY}`;
      });
      expect(error.issues.map((i) => i.path)).toEqual([`endpoints[1].${key}`]);
      expect(error.issues[0]?.message).toContain('apiKeyEnv');
    });
  }

  it('rejects an all-digit password that YAML reads as a number', async () => {
    const error = await expectConfigError(() =>
      parseConfigText(`${VALID_YAML}password: 12345678\n`, 'keel.yml'),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['password']);
    expect(error.message).not.toContain('12345678');
  });

  it('wins over "unknown key", and the schema never sees the file', async () => {
    const error = await rejectWith((c) => {
      c.endpoints[0]!.apiKey = SECRET_VALUES.openai;
      c.version = 7; // would be a schema issue, but secrets stop loading first
    });
    expect(error.issues.map((i) => i.path)).toEqual(['endpoints[0].apiKey']);
    expect(error.message).not.toContain('unknown key');
  });

  it('does not spell out a secret used as a key', async () => {
    const error = await expectConfigError(() =>
      parseConfigText(`${VALID_YAML}policy:\n  ${SECRET_VALUES['openai project']}: 1\n`, 'keel.yml'),
    );
    expectNoLeak(error);
    expect(error.issues.map((i) => i.path)).toEqual(['policy']);
  });

  it('does not echo a secret from a JSON or YAML syntax error', async () => {
    const json = await expectConfigError(() =>
      parseConfigText(`{"apiKey": ${SECRET_VALUES.openai}}`, 'keel.json'),
    );
    expectNoLeak(json);
    const yaml = await expectConfigError(() =>
      parseConfigText(`version: 1\napiKey: ${SECRET_VALUES.openai}: [\n`, 'keel.yml'),
    );
    expectNoLeak(yaml);
  });

  it('rejects secrets in objects passed by library users', async () => {
    const input = validInput();
    input.endpoints[2]!.apiKey = SECRET_VALUES.anthropic;
    const error = await expectConfigError(() => loadConfig(input as never));
    expect(error.source).toBe('<inline>');
    expectNoLeak(error);
  });

  it('does not quote a non-secret-looking value back from a credential-ish field', async () => {
    const error = await rejectWith((c) => {
      c.endpoints[2]!.apiKeyEnv = `not-a-name-${CANARY}`;
    });
    expect(error.issues.map((i) => i.path)).toEqual(['endpoints[2].apiKeyEnv']);
    expect(error.issues[0]?.message).toMatch(/\(got a string of \d+ characters\)$/);
  });
});

describe('no false alarms', () => {
  it('accepts env var names, model names and URLs that merely resemble credentials', () => {
    const input = validInput();
    input.endpoints[2]!.apiKeyEnv = 'SK_PROJ_OPENAI_TOKEN';
    input.endpoints[2]!.url = 'https://api.example.com/v1?model=ask-sk-x';
    input.roles.coder = ['lan-a/task-sk-runner:7b', 'lan-b/hf_small', 'openai/gpt-5-nano'];
    expect(() => parseConfigText(JSON.stringify(input), 'keel.json')).not.toThrow();
  });

  it('no key the schema declares is mistaken for a credential', () => {
    const keys = new Set<string>();
    const collect = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const key of Object.keys(properties ?? {})) keys.add(key);
      for (const value of Object.values(node)) collect(value);
    };
    collect(configJsonSchema());
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter(isSecretKeyName)).toEqual([]);
  });

  it('detects and redacts each form', () => {
    for (const secret of Object.values(SECRET_VALUES)) {
      expect(detectSecret(`prefix ${secret} suffix`), secret).toBeDefined();
      expect(redact(`prefix ${secret} suffix`, [])).not.toContain(CANARY);
    }
  });
});
