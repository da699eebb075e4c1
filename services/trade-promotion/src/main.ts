import { createLogger } from '@ocop/observability';
import { loadTradePromotionConfig } from './config/trade-promotion.config';
import { createTradePromotionApp } from './trade-promotion.app';

async function main(): Promise<void> {
  const config = loadTradePromotionConfig();
  const app = await createTradePromotionApp(config);
  await app.listen({ port: config.httpPort, host: '0.0.0.0' });
}

main().catch((err: Error) => {
  createLogger('trade-promotion').fatal({ err }, `trade-promotion failed to start: ${err.message}`);
  process.exit(1);
});
