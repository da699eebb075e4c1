import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DocumentView } from './dossier.dto';

/** An agency's service reads a dossier it was asked about (an opinion requested of it, a guidance thread addressed to it). */
export class AgencyDossierQuery {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class AgencyDossierView {
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() status: string;
  @ApiProperty() productName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty({ type: [DocumentView], description: 'The documents attached (type, file, hash); their content is not sent' })
  documents: DocumentView[];
}
