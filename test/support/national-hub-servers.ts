import { provinceLeafMappings, provinceLeafPermissions, type NationalProvince } from '@ocop/messaging';

/**
 * nats-server configurations of a national hub and its provinces' leaf nodes, as deploy/nats/national-hub.md describes
 * them (hub.conf, province-leaf.conf): for tests that run them on loopback.
 */
const q = (s: string): string => JSON.stringify(s);

export interface HubServerOptions {
  leafPort: number;
  /** The hub's own user (the hub platform's processes connect as it). */
  hubUser: { user: string; pass: string };
  /** Clients that bring no credentials are the hub's user (the hub platform's processes in a test). */
  noAuthUser?: boolean;
  /** Each province with its leaf user's password. */
  provinces: { province: NationalProvince; password: string }[];
}

/** The hub: JetStream in domain `hub`, leaf nodes on `leafPort`, account NATIONAL with the hub's user and one leaf user per province. */
export function hubServerConfig(dir: string, o: HubServerOptions): string {
  const leafUser = ({ province, password }: HubServerOptions['provinces'][number]) =>
    `      { user: ${q(province.domain)}, password: ${q(password)}, allowed_connection_types: ["LEAFNODE"], ` +
    `permissions: ${JSON.stringify(provinceLeafPermissions(province))} }`;
  return [
    'server_name: national-hub',
    `jetstream { store_dir: ${q(`${dir}/js`)}, domain: hub }`,
    `leafnodes { listen: "127.0.0.1:${o.leafPort}" }`,
    'accounts {',
    '  NATIONAL {',
    '    jetstream: enabled',
    '    users: [',
    `      { user: ${q(o.hubUser.user)}, password: ${q(o.hubUser.pass)} }`,
    ...o.provinces.map(leafUser),
    '    ]',
    '  }',
    '  SYS { users: [ { user: sys, password: "sys-secret" } ] }',
    '}',
    'system_account: SYS',
    ...(o.noAuthUser ? [`no_auth_user: ${q(o.hubUser.user)}`] : []),
    '',
  ].join('\n');
}

/** A province: JetStream in its own domain, a leaf of the hub as its leaf user, its own subjects kept home. */
export function provinceServerConfig(dir: string, p: NationalProvince & { prefix: string }, password: string, leafPort: number): string {
  const url = `nats-leaf://${p.domain}:${password}@127.0.0.1:${leafPort}`;
  return [
    `server_name: ${p.domain}`,
    `jetstream { store_dir: ${q(`${dir}/js`)}, domain: ${p.domain} }`,
    `mappings: ${JSON.stringify(provinceLeafMappings(p))}`,
    'leafnodes {',
    `  remotes: [ { url: ${q(url)}, deny_exports: [${q(`${p.prefix}.>`)}], deny_imports: [${q(`${p.prefix}.>`)}] } ]`,
    '}',
    '',
  ].join('\n');
}
