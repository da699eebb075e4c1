import { IsUUID } from 'class-validator';

/** Replays one dead letter of a service (admin). */
export class DeadLetterReplayCommand {
  @IsUUID() id: string;
}
