/** Injection tokens of the training process. */
export const TRAINING_CONFIG = Symbol('TRAINING_CONFIG');
