import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFiles, packagesOf, unknownsOf } from '../analyze-file.js';
import { nugetPackageReference } from './nuget-package-reference.js';

const props = `<Project>
  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Newtonsoft.Json" Version="9.0.1" />
    <PackageVersion Update="Serilog" Version=" 2.10.0 " />
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>`;
const csproj = `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Newtonsoft.Json" />
    <PackageReference Include="Dapper"><Version>2.0.123</Version></PackageReference>
    <PackageReference Include="Polly" Version="[7.2.3]" />
    <PackageReference Include="AutoMapper" VersionOverride="12.0.0" />
  </ItemGroup>
</Project>`;

const list = (facts: Awaited<ReturnType<typeof analyzeFiles>>): string[] => packagesOf(facts).map((p) => `${p.name}@${p.version}`).sort();

it.each([
  ['Directory.Packages.props: PackageVersion Include/Update, GlobalPackageReference', { '/s/Directory.Packages.props': props }, ['Nerdbank.GitVersioning@3.6.133', 'Newtonsoft.Json@9.0.1', 'Serilog@2.10.0']],
  [
    'a csproj under central management: versionless references come from the props file above',
    { '/s/Directory.Packages.props': props, '/s/src/App/App.csproj': csproj },
    ['AutoMapper@12.0.0', 'Dapper@2.0.123', 'Nerdbank.GitVersioning@3.6.133', 'Newtonsoft.Json@9.0.1', 'Polly@7.2.3', 'Serilog@2.10.0'],
  ],
  ['lowercase packages.props, .fsproj', { '/l/packages.props': props, '/l/a.fsproj': '<Project><ItemGroup><PackageReference Include="FSharp.Core" Version="6.0.0"/></ItemGroup></Project>' }, ['FSharp.Core@6.0.0', 'Nerdbank.GitVersioning@3.6.133', 'Newtonsoft.Json@9.0.1', 'Serilog@2.10.0']],
] as const)('%s', async (_label, files, want) => {
  const facts = await analyzeFiles(nugetPackageReference, files);
  expect(unknownsOf(facts)).toEqual([]);
  expect(list(facts)).toEqual(want);
});

it.each([
  ['a versionless reference with no props file above', { '/p/App.csproj': csproj }, 'Newtonsoft.Json has no Version and no Directory.Packages.props'],
  ['a floating version', { '/p/App.csproj': '<Project><ItemGroup><PackageReference Include="A" Version="1.*"/></ItemGroup></Project>' }, 'A: the version "1.*" is a range or floating version'],
  ['a version range', { '/p/App.csproj': '<Project><ItemGroup><PackageReference Include="A" Version="[1.0,2.0)"/></ItemGroup></Project>' }, 'range or floating'],
  ['a version property', { '/p/App.csproj': '<Project><ItemGroup><PackageReference Include="A" Version="$(AVersion)"/></ItemGroup></Project>' }, 'MSBuild property $(AVersion)'],
  ['a package name property', { '/p/Directory.Packages.props': '<Project><ItemGroup><PackageVersion Include="$(Name)" Version="1.0.0"/></ItemGroup></Project>' }, 'MSBuild property $(Name)'],
  ['invalid XML', { '/p/Directory.Packages.props': '<Project><ItemGroup>' }, 'invalid XML'],
  ['no Project root', { '/p/Directory.Packages.props': '<Other/>' }, 'no <Project> root element'],
])('%s is an unknown', async (_label, files, reason) => {
  const facts = await analyzeFiles(nugetPackageReference, files);
  expect(unknownsOf(facts).map((u) => u.reason)).toEqual([expect.stringContaining(reason) as string]);
});

describeWithTestdata('MSBuild package fixtures (trivy integration repo, osv-scanner scan-source)', (root) => {
  it('trivy repo/packagesprops and osv-scanner locks-dotnet (snapshot: 1 package in each file)', async () => {
    const read = (p: string): Buffer => readFileSync(path.join(root, 'vulndb', p));
    const trivy = await analyzeFiles(nugetPackageReference, { '/t/Directory.Packages.props': read('trivy-integration/fixtures/repo/packagesprops/Directory.Packages.props') });
    expect(list(trivy)).toEqual(['Newtonsoft.Json@9.0.1']);
    const osv = await analyzeFiles(nugetPackageReference, {
      '/o/Directory.Packages.props': read('osv-scanner/scan-source/testdata/locks-dotnet/Directory.Packages.props'),
      '/o/test.csproj': read('osv-scanner/scan-source/testdata/locks-dotnet/test.csproj'),
    });
    expect(unknownsOf(osv)).toEqual([]);
    expect(packagesOf(osv).map((p) => `${p.name}@${p.version}`)).toEqual(['System.Text.RegularExpressions@4.3.0', 'Newtonsoft.Json@12.0.1']);
  });
});
