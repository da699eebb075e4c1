import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type ListProductIdeasQuery, type ProductIdeaView } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { ProductIdeasRepository } from './product-ideas.repository';
import { productIdeaView } from './product-idea.view';

/** Read side of product ideas, through the caller's scope: a producer its own, a commune or district its unit's, the office its province's. */
@Injectable()
export class ProductIdeaQueries {
  constructor(private readonly ideas: ProductIdeasRepository) {}

  async get(actor: Actor, id: string): Promise<ProductIdeaView> {
    const i = await this.ideas.get(readScopeOf(actor), id);
    if (!i) throw AppError.notFound('IDEA_NOT_FOUND', 'no such product idea');
    return productIdeaView(i);
  }

  async list(actor: Actor, q: ListProductIdeasQuery): Promise<ProductIdeaView[]> {
    return (await this.ideas.list(readScopeOf(actor), q)).map(productIdeaView);
  }
}
