import { prisma } from '@/lib/prisma';

export async function renameTeam(teamId: string, name: string, tx: string) {
  'use server';
  let team = await prisma.$transaction(async (tx2) => {
    let team = await tx2.team.update({ where: { id: teamId }, data: { name } }); // the visible name
    await tx2.$executeRaw`
    UPDATE members
       SET team_name = ${name}
     WHERE team_id = ${teamId}`;
    return team;
  });
  team = { ...team, name: `${tx}:${team.name}` };
  return <p>{team.name}</p>;
}
