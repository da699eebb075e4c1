import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiConflictResponse,
  ApiUnprocessableEntityResponse,
  ApiServiceUnavailableResponse,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';

export class ProblemDoc {
  @ApiProperty({ example: 'urn:ocop:problem:validation_failed' }) type: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'communeCode must be a 5-digit commune code' }) detail: string;
  @ApiProperty({ example: '/api/producers' }) instance: string;
  @ApiProperty({ description: 'Stable error code', example: 'VALIDATION_FAILED' }) code: string;
  @ApiPropertyOptional({ description: 'The offending field', example: 'communeCode' }) field?: string;
  @ApiPropertyOptional() correlationId?: string;
}

const problem = { content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDoc) } } } };

/** The RFC 9457 error responses every API route can give. */
export const ApiProblems = () =>
  applyDecorators(
    ApiExtraModels(ProblemDoc),
    ApiBadRequestResponse({ description: 'Invalid input; `field` names it', ...problem }),
    ApiNotFoundResponse({ description: 'Unknown, or outside your administrative scope', ...problem }),
    ApiConflictResponse({ description: "The resource's state does not allow this now", ...problem }),
    ApiUnprocessableEntityResponse({ description: 'A business rule refuses it', ...problem }),
    ApiServiceUnavailableResponse({ description: 'A backing service did not answer', ...problem }),
  );
