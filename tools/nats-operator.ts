import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { accountUserCreds, createOperatorSetup, operatorModeServerConfig, publicKeyOf } from '@ocop/messaging';
import { loadToolConfig } from './config';

/**
 * `npm run nats:operator -- <dir> [prefix, default OCOP_SUBJECT_PREFIX or ocop]`: creates the keys and JWTs of an operator-mode NATS deployment
 * (deploy/nats/operator-mode.md) into a new folder, for the province's IT team to move into its secret store:
 *   nats-operator.conf   the resolver and accounts part of nats-server.conf (include it from the server's file)
 *   platform.creds       the user of the platform's services (account OCOP)
 *   sys.creds            the system user (the platform pushes agency revocations with it)
 *   secrets.env          the seeds the platform needs to issue and revoke agency credentials (and the others, to keep offline)
 * It refuses a folder that exists, so keys are never overwritten.
 */
async function main(): Promise<void> {
  const [dirArg, prefix = loadToolConfig().subjectPrefix] = process.argv.slice(2);
  if (!dirArg) throw new Error('usage: npm run nats:operator -- <new folder> [subject prefix]');
  const dir = resolve(dirArg);
  if (existsSync(dir)) throw new Error(`${dir} exists: choose a new folder (keys are never overwritten)`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const setup = await createOperatorSetup(prefix, loadToolConfig().eventStream);
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text, { mode: 0o600 });
  write('nats-operator.conf', operatorModeServerConfig(setup, { resolver: '/data/jwt' }));
  write('platform.creds', await accountUserCreds(setup.seeds.platform, 'platform'));
  write('sys.creds', await accountUserCreds(setup.seeds.system, 'sys'));
  write(
    'secrets.env',
    [
      '# The gateway (issue and revoke agency credentials); NATS_SYSTEM_CREDS_FILE is where you put sys.creds:',
      `NATS_AGENCIES_ACCOUNT_SEED=${setup.seeds.agencies}`,
      `NATS_AGENCIES_SIGNING_SEED=${setup.seeds.agenciesSigning}`,
      `NATS_OPERATOR_SIGNING_SEED=${setup.seeds.operatorSigning}`,
      `NATS_PLATFORM_ACCOUNT=${publicKeyOf(setup.seeds.platform)}`,
      'NATS_SYSTEM_CREDS_FILE=/run/secrets/ocop-nats/sys.creds',
      '# Keep offline (re-create the operator and accounts):',
      `NATS_OPERATOR_SEED=${setup.seeds.operator}`,
      `NATS_SYSTEM_ACCOUNT_SEED=${setup.seeds.system}`,
      `NATS_PLATFORM_ACCOUNT_SEED=${setup.seeds.platform}`,
      '',
    ].join('\n'),
  );
  console.log(`${dir}: nats-operator.conf, platform.creds, sys.creds, secrets.env (mode 600)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
