import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AgencyClient } from './agency-client';
import { AgencyConnection } from './agency-connection';
import { AgencyEventConsumers } from './agency-event-consumers';
import { AgencyReadiness } from './agency-readiness';
import { AGENCY_SDK_OPTIONS, resolveAgencySdkOptions, type AgencySdkOptions, type ResolvedAgencySdkOptions } from './agency-sdk.options';

export interface AgencySdkAsyncOptions {
  imports?: ModuleMetadata['imports'];
  /** Tokens whose values `useFactory` receives, in order. */
  inject?: NonNullable<Extract<Provider, { useFactory: unknown }>['inject']>;
  useFactory(...args: never[]): AgencySdkOptions | Promise<AgencySdkOptions>;
}

/**
 * The agency's service on the platform's bus: import `AgencySdkModule.forRoot({...})` once in the root module; then
 * inject AgencyClient (requests, events) and AgencyReadiness anywhere, and put `@OnPlatformEvent` on provider methods.
 * The connection opens when the module is created and drains on application shutdown (call `app.enableShutdownHooks()`
 * so SIGTERM does that); the consumers start once the application is bootstrapped.
 */
@Module({})
export class AgencySdkModule {
  static forRoot(options: AgencySdkOptions): DynamicModule {
    return AgencySdkModule.with([{ provide: AGENCY_SDK_OPTIONS, useValue: resolveAgencySdkOptions(options) }]);
  }

  static forRootAsync(options: AgencySdkAsyncOptions): DynamicModule {
    return AgencySdkModule.with(
      [
        {
          provide: AGENCY_SDK_OPTIONS,
          useFactory: async (...args: never[]) => resolveAgencySdkOptions(await options.useFactory(...args)),
          inject: options.inject ?? [],
        },
      ],
      options.imports ?? [],
    );
  }

  private static with(optionProviders: Provider[], imports: NonNullable<ModuleMetadata['imports']> = []): DynamicModule {
    return {
      module: AgencySdkModule,
      global: true,
      imports: [DiscoveryModule, ...imports],
      providers: [
        ...optionProviders,
        {
          provide: AgencyConnection,
          useFactory: (o: ResolvedAgencySdkOptions) => AgencyConnection.open(o),
          inject: [AGENCY_SDK_OPTIONS],
        },
        AgencyClient,
        AgencyEventConsumers,
        AgencyReadiness,
      ],
      exports: [AGENCY_SDK_OPTIONS, AgencyConnection, AgencyClient, AgencyReadiness],
    };
  }
}
