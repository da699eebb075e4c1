import type { ReadModels } from '@ocop/service-kit';

/**
 * The programme's read models: the tables its consumers build from the other services' events alone (the certificates,
 * the producers, products and classes, the counted facts), rebuilt by `npm run read-models:reset -- programme` and a
 * restart. Its own records (plans, targets, tasks, policies, rewards and their payments, reports, villages) are not
 * among them: a rebuild keeps them, and a replayed certificate finds its reward already due.
 */
export const PROGRAMME_READ_MODELS: ReadModels = {
  schema: 'programme',
  service: 'programme',
  consumers: ['certificates', 'facts'],
  tables: ['certificate', 'producer_copy', 'product_copy', 'class_copy', 'channel_copy', 'fact', 'inspection_fact'],
};
