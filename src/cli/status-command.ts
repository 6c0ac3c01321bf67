/**
 * `keel status`: the failover status table — role → chain → CLOSED / MONITORING (n/5) / OPEN / HALF-OPEN /
 * COOLDOWN / DISABLED / UNREACHABLE — from the fleet state the last command or run saved.
 */
import { parseArgs } from 'node:util';
import { renderStatusText } from '../fleet/status.ts';
import { openFleetSession } from './fleet-session.ts';
import { UsageError, type Command } from './io.ts';

export const STATUS_USAGE = `usage: keel status [--json] [--config FILE] [--state-dir DIR]

  --json           print the rows as JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where the fleet state is kept (default: .keel)
`;

export const statusCommand: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${STATUS_USAGE}`);
  }
  if (values.help) {
    io.stdout(STATUS_USAGE);
    return 0;
  }
  const session = await openFleetSession(
    {
      ...(values.config !== undefined ? { config: values.config } : {}),
      ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
    },
    io,
  );
  try {
    const rows = session.router.status();
    io.stdout(values.json ? `${JSON.stringify(rows, null, 2)}\n` : renderStatusText(rows));
    return 0;
  } finally {
    await session.close({ save: false });
  }
};
