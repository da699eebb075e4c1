import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An event a consumer gave up on (OpenAPI shape of @ocop/messaging's DeadLetterView). */
export class DeadLetterDoc {
  @ApiProperty() id: string;
  @ApiProperty() consumer: string;
  @ApiProperty() eventId: string;
  @ApiProperty() subject: string;
  @ApiProperty() error: string;
  @ApiProperty() deliveries: number;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) replayedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) replayError: string | null;
  @ApiProperty({ description: 'The event envelope as received (JSON text)' }) payload: string;
}
