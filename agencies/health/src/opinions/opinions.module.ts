import { Module } from '@nestjs/common';
import { FoodSafetyOpinionsHandler } from './food-safety-opinions.handler';
import { GiveFoodSafetyOpinionUseCase } from './give-food-safety-opinion/give-food-safety-opinion.use-case';

@Module({ providers: [GiveFoodSafetyOpinionUseCase, FoodSafetyOpinionsHandler] })
export class OpinionsModule {}
