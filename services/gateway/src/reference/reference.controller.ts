import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DocumentTypeView, LabIndicatorView, ProductGroupView, ProductSetView, Role } from '@ocop/contracts';
import { DOSSIER_DOCUMENT_TYPES, LAB_INDICATORS, PRODUCT_GROUPS, PRODUCT_SETS, defaultIndicators } from '@ocop/domain';
import { Roles } from '@ocop/auth';
import { ApiProblems } from '../http/api-problems.decorator';

// Served from libs/domain, not asked of a service: these lists are code, compiled into every process from the same lib,
// and the services check codes against exactly these constants, so a NATS round trip would add latency and a failure
// mode but no truth. Built once: they never change while the process runs.
const DOCUMENT_TYPES: DocumentTypeView[] = DOSSIER_DOCUMENT_TYPES.map((t) => ({
  code: t.code,
  nameVi: t.nameVi,
  nameEn: t.nameEn,
  requiredFor: [...t.requiredFor],
  onlyWithSamples: t.requiresSamples === true,
}));
const GROUPS: ProductGroupView[] = PRODUCT_GROUPS.map((g) => ({
  code: g.code,
  nameVi: g.nameVi,
  nameEn: g.nameEn,
  productSetCodes: PRODUCT_SETS.filter((s) => s.group === g.code).map((s) => s.code),
}));
const SETS: ProductSetView[] = PRODUCT_SETS.map((s) => ({
  code: s.code,
  nameVi: s.nameVi,
  groupCode: s.group,
  groupNameVi: PRODUCT_GROUPS.find((g) => g.code === s.group)!.nameVi,
  subGroupVi: s.subGroupVi,
  requiresSamples: s.requiresSamples,
  defaultLabIndicators: defaultIndicators(s.code),
}));
const INDICATORS: LabIndicatorView[] = LAB_INDICATORS.map((i) => ({
  code: i.code,
  nameVi: i.nameVi,
  nameEn: i.nameEn,
  defaultForProductSets: PRODUCT_SETS.filter((s) => defaultIndicators(s.code).includes(i.code)).map((s) => s.code),
}));

@ApiTags('reference data')
@ApiProblems()
@Roles(...Object.values(Role))
@Controller('reference')
export class ReferenceController {
  @Get('document-types')
  @ApiOkResponse({ type: [DocumentTypeView] })
  documentTypes(): DocumentTypeView[] {
    return DOCUMENT_TYPES;
  }

  @Get('product-groups')
  @ApiOkResponse({ type: [ProductGroupView] })
  productGroups(): ProductGroupView[] {
    return GROUPS;
  }

  @Get('product-sets')
  @ApiOkResponse({ type: [ProductSetView] })
  productSets(): ProductSetView[] {
    return SETS;
  }

  @Get('lab-indicators')
  @ApiOkResponse({ type: [LabIndicatorView] })
  labIndicators(): LabIndicatorView[] {
    return INDICATORS;
  }
}
