import { prisma } from '@/lib/prisma';

export async function renameTeam(teamId: string, name: string, tx: string) {
  'use server';
  let team = await prisma.team.update({ where: { id: teamId }, data: { name } }); // the visible name
  await prisma.$executeRaw`
    UPDATE members
       SET team_name = ${name}
     WHERE team_id = ${teamId}`;
  team = { ...team, name: `${tx}:${team.name}` };
  return <p>{team.name}</p>;
}
